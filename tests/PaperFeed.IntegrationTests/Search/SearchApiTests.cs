using System.Net;
using System.Text.Json;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

public sealed class SearchApiTests(SearchSite site) : IClassFixture<SearchSite>, IDisposable
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    public static TheoryData<string> Modes => ["lexical", "hybrid"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_exact_title_finds_its_paper_first(string mode)
    {
        var papers = await site.Database.QueryAsync("SELECT id, title FROM papers WHERE NOT title_is_derived ORDER BY md5(id) LIMIT 25");

        foreach (var (id, title) in papers)
        {
            var items = await SearchAsync($"q={Uri.EscapeDataString(title)}&mode={mode}");
            Assert.True(items.Count > 0 && items[0].Id == id, $"'{title}' ranked {items.FindIndex(i => i.Id == id)}");
        }
    }

    [Theory]
    [InlineData("lexical")]
    [InlineData("hybrid")]
    public async Task An_arxiv_id_in_any_style_finds_its_paper_first(string mode)
    {
        foreach (var query in new[] { "2202.12139", "2202.12139v1", "arXiv:2202.12139", "https://arxiv.org/abs/2202.12139v1" })
        {
            var items = await SearchAsync($"q={Uri.EscapeDataString(query)}&mode={mode}");
            Assert.Equal("2202.12139", items[0].Id);
            Assert.True(items[0].Pinned);
        }
    }

    [Fact]
    public async Task A_quoted_phrase_puts_the_papers_containing_it_first()
    {
        // A phrase from one abstract, quoted, among words that match many other papers.
        var (id, text) = (await site.Database.QueryAsync("SELECT id, abstract FROM papers WHERE id = '2202.12139'"))[0];
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var phrase = string.Join(' ', words.Skip(10).Take(4)).Trim('.', ',', ';', ':');

        var items = await SearchAsync($"q={Uri.EscapeDataString($"large language models \"{phrase}\"")}");

        Assert.Equal(id, items.First(i => i.Pinned).Id);
        Assert.All(items.TakeWhile(i => i.Pinned), i => Assert.Contains(phrase.ToLowerInvariant(), Normalise(i.Abstract + " " + i.Title)));
    }

    [Fact]
    public async Task A_long_question_with_unknown_words_still_returns_ranked_results()
    {
        var items = await SearchAsync("q=" + Uri.EscapeDataString(
            "how can I make large language models reason better about mathematics without xyzzyplugh retraining them from scratch"));

        Assert.NotEmpty(items);
        Assert.Equal(items.OrderByDescending(i => i.Score).Select(i => i.Score), items.Select(i => i.Score));
    }

    [Fact]
    public async Task Results_carry_highlights_of_the_matched_words()
    {
        var items = await SearchAsync("q=diffusion&mode=lexical");

        var first = items[0];
        Assert.Contains(first.Highlights.Title.Concat(first.Highlights.Abstract), s => s.Match && s.Text.Contains("iffusion", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_date_filter_holds()
    {
        var items = await SearchAsync("q=testing&mode=lexical&from=2022-01-01&to=2022-12-31&limit=100");

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(2022, i.PublishedAt!.Value.Year));
    }

    [Fact]
    public async Task The_category_filter_holds()
    {
        var items = await SearchAsync("q=testing%20models&mode=lexical&category=cs.CR&limit=100");

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains("cs.CR", i.Categories));
    }

    [Fact]
    public async Task Paging_continues_where_the_previous_page_stopped()
    {
        var all = await SearchAsync("q=language%20models&mode=lexical&limit=30");
        var first = await GetAsync("/api/v1/search?q=language%20models&mode=lexical&limit=10");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await GetAsync($"/api/v1/search?q=language%20models&mode=lexical&limit=10&cursor={cursor}");

        var ids = Items(first).Concat(Items(second)).Select(i => i.Id).ToList();
        Assert.Equal(all.Take(20).Select(i => i.Id), ids);
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("mode=lexical", "q")]
    [InlineData("q=x&mode=fuzzy", "mode")]
    [InlineData("q=x&limit=0", "limit")]
    [InlineData("q=x&limit=101", "limit")]
    [InlineData("q=x&from=2024-13-01", "from")]
    [InlineData("q=x&from=2024-05-01&to=2024-04-01", "to")]
    [InlineData("q=x&category=cs.CL%27%3B--", "category")]
    [InlineData("q=x&cursor=bm90LWEtY3Vyc29y", "cursor")]
    public async Task Bad_input_is_a_400_naming_the_parameter(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/v1/search?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task A_too_long_query_is_a_400()
    {
        using var response = await _client.GetAsync($"/api/v1/search?q={new string('a', 501)}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_cursor_of_another_query_is_refused()
    {
        var page = await GetAsync("/api/v1/search?q=language%20models&mode=lexical&limit=5");
        var cursor = page.GetProperty("nextCursor").GetString();

        using var response = await _client.GetAsync($"/api/v1/search?q=diffusion&mode=lexical&limit=5&cursor={cursor}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private async Task<List<SearchItem>> SearchAsync(string query) => Items(await GetAsync($"/api/v1/search?{query}"));

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<SearchItem> Items(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(SearchItem.From).ToList();
}
