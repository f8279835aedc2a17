using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PaperFeed.IntegrationTests.HuggingFace;

/// <summary>
/// The endpoints driven exactly as the clients in HF-PAPERS-API.md call them: huggingface_hub (list_daily_papers,
/// paper_info, list_papers, read_paper and the assertions of its production tests), hf-mcp-server, fastpaper-cli
/// and the hf-daily-papers-tg Telegram bot.
/// </summary>
public sealed class HuggingFaceClientTests(HfClientSite site) : IClassFixture<HfClientSite>, IDisposable
{
    private readonly HttpClient _client = site.App.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Huggingface_hub_by_date_gets_the_default_page_and_an_empty_list_past_the_end()
    {
        var (entries, _) = await GetListAsync($"/api/daily_papers?date={HfClientSite.BusyDay}");
        var (pastTheEnd, link) = await GetListAsync($"/api/daily_papers?date={HfClientSite.BusyDay}&p=100");

        Assert.Equal(50, entries.Count);
        Assert.All(entries, entry => Assert.Equal("2025-10-28T20:00:00.000Z", entry.GetProperty("publishedAt").GetString()));
        Assert.Equal(59, Upvotes(entries[0]));
        Assert.Empty(pastTheEnd);
        Assert.Null(link);
    }

    [Fact]
    public async Task Week_lists_monday_to_sunday_with_entry_dates_where_huggingface_hub_expects_them()
    {
        var entries = await PageUntilShortAsync("/api/daily_papers?week=2025-W44&limit=100");

        Assert.Equal(
            HfClientSite.BusyDayIds.Concat(["2510.30001", "2510.30002", "2510.27001", "2510.31001", "2511.02001"]).Order(),
            Ids(entries).Order());
        // huggingface_hub's production test: item publishedAt between Friday of W43 and Sunday of W44.
        Assert.All(entries, entry => Assert.InRange(EntryDay(entry), new DateOnly(2025, 10, 24), new DateOnly(2025, 11, 2)));
    }

    [Fact]
    public async Task Month_lists_its_days_with_entry_dates_where_huggingface_hub_expects_them()
    {
        var entries = await PageUntilShortAsync("/api/daily_papers?month=2025-10&limit=100");

        Assert.Equal(
            HfClientSite.BusyDayIds.Concat(["2510.30001", "2510.30002", "2510.00101", "2510.26001", "2510.27001", "2510.31001"]).Order(),
            Ids(entries).Order());
        // huggingface_hub's production test: item publishedAt between 2025-09-30 and 2025-10-31.
        Assert.All(entries, entry => Assert.InRange(EntryDay(entry), new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 31)));
    }

    [Fact]
    public async Task Hf_papers_ls_without_a_date_lists_the_latest_day_up_to_today()
    {
        // 2025-12-01 is after the clock's today (2025-11-05): the latest list is 2025-11-03's.
        var (entries, _) = await GetListAsync("/api/daily_papers?limit=50");

        Assert.Equal(["2511.03001"], Ids(entries));
    }

    [Fact]
    public async Task Submitter_filter_knows_only_the_paperfeed_user()
    {
        var (akhaliq, _) = await GetListAsync("/api/daily_papers?submitter=akhaliq");
        var (paperfeed, _) = await GetListAsync($"/api/daily_papers?submitter=paperfeed&date={HfClientSite.BusyDay}&limit=5");

        Assert.Empty(akhaliq);
        Assert.Equal(5, paperfeed.Count);
        Assert.All(paperfeed, entry =>
        {
            Assert.Equal("paperfeed", entry.GetProperty("submittedBy").GetProperty("name").GetString());
            Assert.Equal("PaperFeed", entry.GetProperty("submittedBy").GetProperty("fullname").GetString());
            Assert.Equal("paperfeed", entry.GetProperty("paper").GetProperty("submittedOnDailyBy").GetProperty("user").GetString());
        });
    }

    [Theory]
    [InlineData("date=2025-13-40", "date")]
    [InlineData("date=20251029", "date")]
    [InlineData("week=2026-W53", "week")]
    [InlineData("week=2025-W00", "week")]
    [InlineData("month=2025-13", "month")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("p=-1", "p")]
    [InlineData("sort=hot", "sort")]
    [InlineData("date=2025-10-29&week=2025-W44", "at most one")]
    public async Task Refused_requests_are_400_problems_with_huggingface_s_error_member(string query, string named)
    {
        var problem = await ProblemAsync($"/api/daily_papers?{query}", HttpStatusCode.BadRequest);

        Assert.Contains(named, problem.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hf_mcp_server_follows_the_next_link_through_a_day()
    {
        var url = $"/api/daily_papers?p=0&limit=20&date={HfClientSite.BusyDay}&sort=publishedAt";
        var ids = new List<string>();
        var pages = 0;
        string? link;
        do
        {
            (List<JsonElement> entries, link) = await GetListAsync(url);
            ids.AddRange(Ids(entries));
            pages++;
            if (pages == 1)
            {
                Assert.Equal($"</api/daily_papers?p=1&limit=20&date={HfClientSite.BusyDay}&sort=publishedAt>; rel=\"next\"", link);
            }

            url = link is null ? url : link[1..link.IndexOf('>', StringComparison.Ordinal)];
        }
        while (link is not null);

        Assert.Equal(6, pages);
        Assert.Equal(HfClientSite.BusyDayIds.Order(), ids.Order());
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Hf_mcp_server_root_and_trending_requests()
    {
        var (root, link) = await GetListAsync("/api/daily_papers?p=0&limit=20&sort=publishedAt");
        var (trending, _) = await GetListAsync("/api/daily_papers?p=0&limit=20&sort=trending");

        Assert.Equal(["2511.03001"], Ids(root));
        Assert.Null(link);
        // Trending ignores the day: a rolling ranking over every paper, one page of 20 at most.
        Assert.InRange(Ids(trending).Count, 1, 20);
        Assert.Equal(Ids(trending).Count, Ids(trending).Distinct().Count());
    }

    [Fact]
    public async Task Fastpaper_cli_pages_until_a_short_page_most_upvoted_first()
    {
        var sizes = new List<int>();
        var links = new List<bool>();
        var entries = new List<JsonElement>();
        for (var p = 0; ; p++)
        {
            var (page, link) = await GetListAsync($"/api/daily_papers?date={HfClientSite.BusyDay}&limit=50&p={p}");
            sizes.Add(page.Count);
            links.Add(link is not null);
            entries.AddRange(page);
            if (page.Count < 50)
            {
                break;
            }
        }

        Assert.Equal([50, 50, 20], sizes);
        Assert.Equal([true, true, false], links);
        Assert.Equal(HfClientSite.BusyDayIds.Order(), Ids(entries).Order());
        var upvotes = entries.Select(Upvotes).ToList();
        Assert.Equal(upvotes.OrderDescending(), upvotes);
    }

    [Fact]
    public async Task Telegram_bot_reads_a_date_list_with_its_model()
    {
        // hf-daily-papers-tg: GET {base}/daily_papers?date=..., then PaperModel(paper{id, publishedAt, title, summary,
        // upvotes, projectPage?, githubRepo?, githubStars?, ai_summary?, ai_keywords?}, numComments, organization?).
        var (entries, _) = await GetListAsync($"/api/daily_papers?date={HfClientSite.BusyDay}");

        Assert.All(entries, entry =>
        {
            JsonElement paper = entry.GetProperty("paper");
            Assert.Equal(JsonValueKind.String, paper.GetProperty("id").ValueKind);
            Assert.Equal(JsonValueKind.String, paper.GetProperty("publishedAt").ValueKind);
            Assert.Equal(HfClientSite.TitleOf(paper.GetProperty("id").GetString()!), paper.GetProperty("title").GetString());
            Assert.Equal(JsonValueKind.String, paper.GetProperty("summary").ValueKind);
            Assert.Equal(JsonValueKind.Number, paper.GetProperty("upvotes").ValueKind);
            Assert.Equal(0, entry.GetProperty("numComments").GetInt32());
            Assert.False(entry.TryGetProperty("organization", out _));
            Assert.False(paper.TryGetProperty("projectPage", out _));
        });
    }

    [Fact]
    public async Task Votes_cast_here_count_in_the_order_and_the_upvotes()
    {
        Assert.Equal(["2510.30001", "2510.30002"], Ids((await GetListAsync($"/api/daily_papers?date={HfClientSite.VotingDay}")).Entries));

        await site.Database.ScalarAsync<int>("UPDATE papers SET local_upvotes = 10 WHERE id = '2510.30002' RETURNING local_upvotes");
        var (entries, _) = await GetListAsync($"/api/daily_papers?date={HfClientSite.VotingDay}");

        Assert.Equal(["2510.30002", "2510.30001"], Ids(entries));
        Assert.Equal(13, Upvotes(entries[0]));
    }

    [Theory]
    [InlineData("/api/papers/2510.20005")]
    [InlineData("/api/papers/2510.20005v3")]
    [InlineData("/api/papers/arXiv:2510.20005")]
    public async Task Paper_info_finds_a_paper_by_id_with_or_without_version(string url)
    {
        var paper = await GetJsonAsync(url);

        Assert.Equal("2510.20005", paper.GetProperty("id").GetString());
        Assert.Equal(2, paper.GetProperty("upvotes").GetInt32());
        Assert.Equal(["Ada Lovelace", "Alan Turing"], paper.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Array, paper.GetProperty("linkedModels").ValueKind);
    }

    [Theory]
    [InlineData("/api/papers/hep-th/9901001")]
    [InlineData("/api/papers/hep-th_9901001")]
    [InlineData("/api/papers/hep-th%2F9901001")]
    [InlineData("/api/papers/hep-th/9901001v1")]
    public async Task Old_style_ids_are_found_in_every_spelling(string url)
    {
        var paper = await GetJsonAsync(url);

        Assert.Equal(HfClientSite.OldStyleId, paper.GetProperty("id").GetString());
        Assert.Equal("1999-01-04T00:00:00.000Z", paper.GetProperty("publishedAt").GetString());
    }

    [Theory]
    [InlineData("/api/papers/2510.99999", HttpStatusCode.NotFound)]
    [InlineData("/papers/2510.99999.md", HttpStatusCode.NotFound)]
    [InlineData("/api/papers/not-a-paper", HttpStatusCode.BadRequest)]
    [InlineData("/papers/not-a-paper.md", HttpStatusCode.BadRequest)]
    public async Task Unknown_and_malformed_ids_are_problems_with_an_error_member(string url, HttpStatusCode status) =>
        await ProblemAsync(url, status);

    [Fact]
    public async Task Read_paper_gets_the_paper_page_as_markdown()
    {
        var response = await _client.GetAsync("/papers/2510.20005.md", TestContext.Current.CancellationToken);
        var markdown = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var oldStyle = await _client.GetStringAsync("/papers/hep-th/9901001.md", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"# {HfClientSite.TitleOf("2510.20005")}\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**Authors:** Ada Lovelace, Alan Turing", markdown, StringComparison.Ordinal);
        Assert.Contains("**Published:** 2025-10-29", markdown, StringComparison.Ordinal);
        Assert.Contains("<https://arxiv.org/abs/2510.20005>", markdown, StringComparison.Ordinal);
        Assert.Contains("## Abstract\n\nThe abstract of 2510.20005, with $x^2$ in it.\n", markdown, StringComparison.Ordinal);
        Assert.StartsWith($"# {HfClientSite.TitleOf(HfClientSite.OldStyleId)}\n", oldStyle, StringComparison.Ordinal);
        Assert.Contains("<https://arxiv.org/abs/hep-th/9901001>", oldStyle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thumbnail_and_avatar_urls_point_to_images_of_this_site()
    {
        var (entries, _) = await GetListAsync($"/api/daily_papers?date={HfClientSite.VotingDay}");
        JsonElement entry = entries[0];

        foreach (var url in new[] { entry.GetProperty("thumbnail").GetString()!, entry.GetProperty("submittedBy").GetProperty("avatarUrl").GetString()! })
        {
            Assert.StartsWith("http://localhost/images/", url, StringComparison.Ordinal);
            var image = await _client.GetAsync(new Uri(url), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task OpenApi_document_describes_the_hugging_face_endpoints()
    {
        JsonElement paths = (await GetJsonAsync("/swagger/v1/swagger.json")).GetProperty("paths");

        JsonElement daily = paths.GetProperty("/api/daily_papers").GetProperty("get");
        Assert.Equal(
            ["date", "week", "month", "limit", "p", "sort", "submitter"],
            daily.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.All(daily.GetProperty("parameters").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString())));
        Assert.True(daily.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(paths.GetProperty("/api/papers/search").GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(paths.GetProperty("/api/papers/{arxivId}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/papers/{arxivId}.md").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/markdown", out _));
    }

    private async Task<List<JsonElement>> PageUntilShortAsync(string firstPage)
    {
        var all = new List<JsonElement>();
        for (var p = 0; ; p++)
        {
            var (page, _) = await GetListAsync($"{firstPage}&p={p}");
            all.AddRange(page);
            if (page.Count < 100)
            {
                return all;
            }
        }
    }

    private async Task<(List<JsonElement> Entries, string? Link)> GetListAsync(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var entries = await response.Content.ReadFromJsonAsync<List<JsonElement>>(TestContext.Current.CancellationToken);
        return (entries!, response.Headers.TryGetValues("Link", out var links) ? links.Single() : null);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private async Task<JsonElement> ProblemAsync(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("error").GetString());
        return problem;
    }

    private static List<string> Ids(IEnumerable<JsonElement> entries) =>
        [.. entries.Select(entry => entry.GetProperty("paper").GetProperty("id").GetString()!)];

    private static int Upvotes(JsonElement entry) => entry.GetProperty("paper").GetProperty("upvotes").GetInt32();

    private static DateOnly EntryDay(JsonElement entry) => DateOnly.FromDateTime(entry.GetProperty("publishedAt").GetDateTimeOffset().UtcDateTime);
}
