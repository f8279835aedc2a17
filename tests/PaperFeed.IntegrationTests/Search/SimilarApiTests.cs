using System.Net;
using System.Text.Json;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

public sealed class SimilarApiTests(SimilarApiTests.Site site) : IClassFixture<SimilarApiTests.Site>, IDisposable
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Similar_never_returns_the_paper_itself_or_its_duplicate()
    {
        foreach (var anchor in new[] { site.OriginalId, site.DuplicateId })
        {
            var items = await SimilarAsync(anchor, 20);

            Assert.NotEmpty(items);
            Assert.DoesNotContain(items, i => i.Id == site.OriginalId || i.Id == site.DuplicateId);
        }
    }

    [Fact]
    public async Task Similar_takes_an_arxiv_id_and_honours_the_limit()
    {
        var items = await SimilarAsync("arXiv:2202.12139v1", 3);

        Assert.Equal(3, items.Count);
        Assert.DoesNotContain(items, i => i.Id == "2202.12139");
        Assert.Equal(items.OrderByDescending(i => i.Score).Select(i => i.Score), items.Select(i => i.Score));
    }

    [Theory]
    [InlineData("/api/v1/papers/2202.12139/similar?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/papers/2202.12139/similar?limit=51", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/papers/9999.99999/similar", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/papers/pf-0000000000000000/similar", HttpStatusCode.NotFound)]
    public async Task Bad_requests_are_problems(string path, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<SearchItem>> SimilarAsync(string id, int limit)
    {
        using var response = await _client.GetAsync($"/api/v1/papers/{Uri.EscapeDataString(id)}/similar?limit={limit}", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(SearchItem.From).ToList();
    }

    /// <summary>The search corpus plus a duplicate of one sample paper reached another way: its abstract alone, as a line.</summary>
    public sealed class Site : IAsyncLifetime
    {
        private readonly SearchSite _search = new();

        public PaperFeedWebFactory Factory => _search.Factory;

        public string OriginalId { get; private set; } = "";

        public string DuplicateId { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            await _search.InitializeAsync();
            var database = _search.Database;
            (OriginalId, var abstractText) = (await database.QueryAsync(
                "SELECT id, abstract FROM papers WHERE source = 'daily-papers-page' ORDER BY id LIMIT 1"))[0];
            await Ingestion.IngestTextAsync(Ingestion.CreateIngester(database), $"Abstract: {abstractText}\n");
            DuplicateId = (await database.QueryAsync("SELECT id, title FROM papers WHERE title_is_derived"))[0].First;
        }

        public ValueTask DisposeAsync() => _search.DisposeAsync();
    }
}
