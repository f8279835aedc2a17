using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Papers;

public sealed class PapersApiTests(SampleSite site) : IClassFixture<SampleSite>, IDisposable
{
    private readonly TestDatabase _database = site.Database;
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Paging_through_the_list_returns_every_paper_once_newest_first()
    {
        var ids = new List<string>();
        var dates = new List<DateTimeOffset?>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync($"/api/v1/papers?limit=37{(cursor is null ? "" : $"&cursor={cursor}")}");
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                ids.Add(item.GetProperty("id").GetString()!);
                dates.Add(item.GetProperty("publishedAt").ValueKind == JsonValueKind.Null ? null : item.GetProperty("publishedAt").GetDateTimeOffset());
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(await _database.ScalarAsync<long>("SELECT count(*) FROM papers"), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(SamplePapers.Distinct, ids.Count);
        Assert.Equal(dates.OrderByDescending(d => d.HasValue).ThenByDescending(d => d), dates);
    }

    [Fact]
    public async Task A_paper_has_the_documented_shape()
    {
        var page = await GetJsonAsync("/api/v1/papers?limit=1");
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();

        var paper = await GetJsonAsync($"/api/v1/papers/{id}");

        Assert.Equal(id, paper.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, paper.GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.String, paper.GetProperty("abstract").ValueKind);
        Assert.Equal(JsonValueKind.Array, paper.GetProperty("authors").ValueKind);
        Assert.Equal(JsonValueKind.Array, paper.GetProperty("categories").ValueKind);
        Assert.Equal(JsonValueKind.Number, paper.GetProperty("upvotes").ValueKind);
        foreach (var field in new[] { "arxivId", "publishedAt", "url", "pdfUrl", "source" })
        {
            Assert.True(paper.TryGetProperty(field, out _), $"missing field {field}");
        }
    }

    [Fact]
    public async Task The_sample_paper_with_an_upvote_count_and_a_full_date_keeps_both()
    {
        var response = await _client.GetAsync("/api/v1/papers?limit=100", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        await using var db = _database.CreateDbContext();
        var emulator = db.Papers.Single(p => p.Title == "An Emulator for Fine-Tuning Large Language Models using Small Language Models");

        var paper = await GetJsonAsync($"/api/v1/papers/{emulator.Id}");

        Assert.Equal(new DateTimeOffset(2023, 10, 19, 0, 0, 0, TimeSpan.Zero), paper.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.True(paper.GetProperty("upvotes").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("/api/v1/papers?limit=0")]
    [InlineData("/api/v1/papers?limit=101")]
    [InlineData("/api/v1/papers?cursor=not-a-cursor!")]
    public async Task Bad_paging_input_is_a_400_problem(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Unknown_paper_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/v1/papers/2401.99999", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Home_page_lists_the_newest_papers()
    {
        await using var db = _database.CreateDbContext();
        var newest = db.Papers.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).First();

        var html = await _client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains(WebUtility.HtmlEncode(newest.Title), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string url)
    {
        var body = await _client.GetStringAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_papers_endpoints()
    {
        var document = await GetJsonAsync("/swagger/v1/swagger.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/papers", out _));
        Assert.True(paths.TryGetProperty("/api/v1/papers/{id}", out var byId));
        Assert.True(byId.GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        var swaggerUi = await _client.GetAsync("/swagger/index.html", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, swaggerUi.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
