using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>
/// The bundled daily-papers samples plus arXiv API papers (which carry categories and a spread of dates), served by
/// the real web app: the corpus the search tests query.
/// </summary>
public sealed class SearchSite : IngestedSite
{
    public static IReadOnlyList<string> CorpusFiles { get; } =
    [
        .. RepoPaths.SampleFiles,
        Path.Combine(IngestAssertions.FixturesOf("arxiv-api-atom"), "arxiv-api-query.atom.xml"),
        Path.Combine(IngestAssertions.FixturesOf("arxiv-api-atom"), "arxiv-api-query-2016.atom.xml"),
    ];

    protected override IReadOnlyList<string> Files => CorpusFiles;
}
