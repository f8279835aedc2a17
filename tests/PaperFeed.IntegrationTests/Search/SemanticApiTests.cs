using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Data.Embeddings;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>
/// The REST endpoints that need the semantic model — semantic and hybrid search, recommendations — against the
/// search corpus embedded under a corpus model fitted on it.
/// </summary>
public sealed class SemanticApiTests(SemanticApiTests.Site site) : IClassFixture<SemanticApiTests.Site>, IDisposable
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _client.Dispose();

    /// <summary>The search corpus, embedded by a corpus model fitted on it before the web app starts.</summary>
    public sealed class Site : IngestedSite
    {
        protected override IReadOnlyList<string> Files => SearchSite.CorpusFiles;

        protected override async Task PrepareAsync()
        {
            // Word vectors from ~200 abstracts need more passes than the default to place paraphrases.
            await using var services = EmbeddingServices.Create(Database, s => s["Embeddings:Corpus:Fit:Epochs"] = "15");
            await services.GetRequiredService<EmbeddingMaintenance>().ReembedAsync(null, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Semantic_search_ranks_by_falling_cosine_and_finds_words_it_never_matches_literally()
    {
        var items = await SearchAsync("q=" + Uri.EscapeDataString("turning written text into natural sounding spoken audio") + "&mode=semantic&limit=10");

        Assert.Equal(10, items.Count);
        Assert.Equal(items.OrderByDescending(i => i.Score).Select(i => i.Score), items.Select(i => i.Score));
        Assert.All(items, i => Assert.InRange(i.Score, -1.0001, 1.0001));
    }

    [Theory]
    [InlineData("semantic")]
    [InlineData("hybrid")]
    public async Task An_exact_title_and_an_arxiv_id_come_first_in_every_mode(string mode)
    {
        var (id, title) = (await site.Database.QueryAsync("SELECT id, title FROM papers WHERE id = '2202.12139'"))[0];

        foreach (var query in new[] { title, "arXiv:2202.12139v1" })
        {
            var items = await SearchAsync($"q={Uri.EscapeDataString(query)}&mode={mode}");
            Assert.Equal(id, items[0].Id);
            Assert.True(items[0].Pinned);
        }
    }

    [Theory]
    [InlineData("semantic")]
    [InlineData("hybrid")]
    public async Task Date_and_category_filters_hold_in_every_mode(string mode)
    {
        var dated = await SearchAsync($"q=testing%20software&mode={mode}&from=2022-01-01&to=2022-12-31&limit=100");
        var categorised = await SearchAsync($"q=testing%20models&mode={mode}&category=cs.CR&limit=100");

        Assert.NotEmpty(dated);
        Assert.All(dated, i => Assert.Equal(2022, i.PublishedAt!.Value.Year));
        Assert.NotEmpty(categorised);
        Assert.All(categorised, i => Assert.Contains("cs.CR", i.Categories));
    }

    [Fact]
    public async Task Hybrid_search_answers_a_long_question_with_an_unknown_word()
    {
        var items = await SearchAsync("q=" + Uri.EscapeDataString(
            "which methods let a small language model follow instructions as well as a large one without xyzzyplugh data"));

        Assert.NotEmpty(items);
    }

    [Fact]
    public async Task Recommendations_move_away_from_the_negatives_and_never_return_the_examples()
    {
        var positives = (await SearchAsync("q=speech%20synthesis%20text%20to%20speech&mode=lexical&limit=2")).Select(i => i.Id).ToArray();
        var negative = (await SearchAsync("q=image%20generation%20diffusion&mode=lexical&limit=1"))[0].Id;
        // The papers nearest to the negative example, by the same model.
        var likeNegative = (await ListAsync(await _client.GetAsync($"/api/v1/papers/{negative}/similar?limit=10", Ct))).Select(i => i.Id).ToHashSet();

        var towards = await RecommendAsync(new { positive = positives, limit = 30 });
        var away = await RecommendAsync(new { positive = positives, negative = new[] { negative }, limit = 30 });

        Assert.Equal(30, away.Count);
        Assert.DoesNotContain(away, i => positives.Contains(i.Id) || i.Id == negative);
        Assert.DoesNotContain(towards, i => positives.Contains(i.Id));
        Assert.Equal(away.OrderByDescending(i => i.Score).Select(i => i.Score), away.Select(i => i.Score));
        // Pushing away from the negative lowers the papers that resemble it: fewer of them in the list, or later.
        double Penalty(List<SearchItem> items) => items.Select((item, rank) => likeNegative.Contains(item.Id) ? 30 - rank : 0).Sum();
        Assert.True(Penalty(away) < Penalty(towards), $"like-negative weight {Penalty(away)} after pushing away, {Penalty(towards)} before");
    }

    [Fact]
    public async Task Recommendations_name_unknown_ids_and_refuse_bad_bodies()
    {
        using var unknown = await _client.PostAsJsonAsync("/api/v1/recommendations", new { positive = new[] { "2202.12139", "9999.99999" } }, Ct);
        using var empty = await _client.PostAsJsonAsync("/api/v1/recommendations", new { positive = Array.Empty<string>() }, Ct);
        using var both = await _client.PostAsJsonAsync("/api/v1/recommendations", new { positive = new[] { "2202.12139" }, negative = new[] { "2202.12139" } }, Ct);
        using var tooMany = await _client.PostAsJsonAsync("/api/v1/recommendations", new { positive = new[] { "2202.12139" }, limit = 101 }, Ct);
        using var notJson = await _client.PostAsync("/api/v1/recommendations", new StringContent("{positive:", Encoding.UTF8, "application/json"), Ct);
        using var huge = await _client.PostAsync("/api/v1/recommendations",
            new StringContent($$"""{"positive":["{{new string('a', 20_000)}}"]}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("9999.99999", await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        // Kestrel stops a body over 16 KB with a 413; the in-memory test server cannot enforce body sizes, so here the
        // oversized id behind it is what gets refused.
        Assert.Contains(huge.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
        foreach (var response in new[] { unknown, empty, both, tooMany, notJson, huge })
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<List<SearchItem>> SearchAsync(string query) => await ListAsync(await _client.GetAsync($"/api/v1/search?{query}", Ct));

    private async Task<List<SearchItem>> RecommendAsync(object body) => await ListAsync(await _client.PostAsJsonAsync("/api/v1/recommendations", body, Ct));

    private static async Task<List<SearchItem>> ListAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(SearchItem.From).ToList();
        }
    }
}

/// <summary>Without an active model, the endpoints that need one say so with a 503 instead of an empty answer.</summary>
public sealed class SemanticApiWithoutModelTests(SearchSite site) : IClassFixture<SearchSite>, IDisposable
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Semantic_search_and_recommendations_are_503_problems_while_hybrid_falls_back_to_lexical()
    {
        using var semantic = await _client.GetAsync("/api/v1/search?q=diffusion&mode=semantic", Ct);
        using var recommend = await _client.PostAsJsonAsync("/api/v1/recommendations", new { positive = new[] { "2202.12139" } }, Ct);
        using var hybrid = await _client.GetAsync("/api/v1/search?q=diffusion&mode=hybrid", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, semantic.StatusCode);
        Assert.Equal("application/problem+json", semantic.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, recommend.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hybrid.StatusCode);
        Assert.NotEmpty(JsonDocument.Parse(await hybrid.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("items").EnumerateArray());
    }
}
