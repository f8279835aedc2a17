using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.SearchEvaluation.Corpus;
using PaperFeed.SearchEvaluation.Instance;

namespace PaperFeed.IntegrationTests.SearchEvaluation;

/// <summary>
/// The evaluation reads the papers of the real web app (samples ingested into PostgreSQL) exactly as
/// <c>--papers-from</c> reads them from the files: same ids, titles and abstracts, so the offline reference figures
/// and an instance's figures rank the same papers.
/// </summary>
public sealed class RealApiCatalogTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public async Task The_papers_api_and_the_source_files_give_the_same_papers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = site.Factory.CreateClient();
        var client = new PaperFeedClient(http);

        var fromApi = await client.ReadAllPapersAsync(null, ct);
        var fromFiles = await SourceFilePapers.ReadAsync([RepoPaths.SamplesDirectory], null, ct);

        Assert.Equal(SamplePapers.Distinct, fromApi.Count);
        Assert.Equal(
            fromFiles.Select(p => (p.Id, p.Title, p.Abstract)).OrderBy(p => p.Id, StringComparer.Ordinal),
            fromApi.Select(p => (p.Id, p.Title, p.Abstract)).OrderBy(p => p.Id, StringComparer.Ordinal));
    }
}
