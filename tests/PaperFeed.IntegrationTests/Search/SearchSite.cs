using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>
/// The bundled daily-papers samples plus arXiv API papers (which carry categories and a spread of dates), served by
/// the real web app: the corpus the search tests query.
/// </summary>
public sealed class SearchSite : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public PaperFeedWebFactory Factory { get; private set; } = null!;

    public static IReadOnlyList<string> Files { get; } =
    [
        .. RepoPaths.SampleFiles,
        Path.Combine(IngestAssertions.FixturesOf("arxiv-api-atom"), "arxiv-api-query.atom.xml"),
        Path.Combine(IngestAssertions.FixturesOf("arxiv-api-atom"), "arxiv-api-query-2016.atom.xml"),
    ];

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        var ingester = Ingestion.CreateIngester(Database);
        foreach (var file in Files)
        {
            var outcome = await ingester.IngestFileAsync(file, null, CancellationToken.None);
            if (outcome.Error is { } error)
            {
                throw new InvalidOperationException($"{file} did not ingest: {error}");
            }
        }

        Factory = new PaperFeedWebFactory(Database);
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
