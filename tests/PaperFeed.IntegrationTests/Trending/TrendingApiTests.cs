using System.Text.Json;
using Microsoft.Extensions.Options;
using PaperFeed.IntegrationTests.Infrastructure;
using static PaperFeed.IntegrationTests.Infrastructure.TestPapers;

namespace PaperFeed.IntegrationTests.Trending;

/// <summary>
/// The trending list against hand-computed scores. The app's clock is the fixture's; each test clears the papers and
/// dates its own relative to the clock's current minute (the clock only moves forward, by whole minutes).
/// </summary>
public sealed class TrendingApiTests(WebSite site) : IClassFixture<WebSite>, IDisposable
{
    private readonly TestDatabase _database = site.Database;
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Trending_ranks_by_gravity_score_and_shows_hand_computed_scores_and_parts()
    {
        var now = await StartAsync(
            ("b", TimeSpan.FromHours(24), 30, 0),
            ("a", TimeSpan.FromHours(2), 0, 0),
            ("c", TimeSpan.FromHours(72), 100, 5),
            ("d", TimeSpan.FromHours(12), 3, 1));

        var page = await _client.GetJsonAsync("/api/v1/trending?window=week");

        Assert.Equal(["2601.0000b", "2601.0000a", "2601.0000c", "2601.0000d"], page.Ids("paper"));
        Assert.Equal("week", page.GetProperty("window").GetString());
        Assert.Equal(now, page.GetProperty("asOf").GetDateTimeOffset());
        var items = page.GetProperty("items");
        // (30 + 0 + 1) / (24 + 2)^1.8 = 31 / 352.3319491017267
        AssertScore(items[0], 0.08798520849169303, upvotes: 30, localUpvotes: 0, ageHours: 24);
        // (0 + 0 + 1) / (2 + 2)^1.8 = 1 / 12.125732532083186
        AssertScore(items[1], 0.08246924442330589, upvotes: 0, localUpvotes: 0, ageHours: 2);
        // (100 + 5 + 1) / (72 + 2)^1.8 = 106 / 2315.352372702304
        AssertScore(items[2], 0.04578136842137978, upvotes: 100, localUpvotes: 5, ageHours: 72);
        // (3 + 1 + 1) / (12 + 2)^1.8 = 5 / 115.61933422185243
        AssertScore(items[3], 0.043245362323276415, upvotes: 3, localUpvotes: 1, ageHours: 12);
        // The paper itself shows the total.
        Assert.Equal(105, items[2].GetProperty("paper").GetProperty("upvotes").GetInt32());
    }

    [Fact]
    public async Task Windows_include_papers_published_exactly_at_their_start_and_nothing_earlier_or_in_the_future()
    {
        var second = TimeSpan.FromSeconds(1);
        await StartAsync(
            ("1", TimeSpan.FromDays(1), 0, 0),
            ("2", TimeSpan.FromDays(1) + second, 0, 0),
            ("3", TimeSpan.FromDays(7), 0, 0),
            ("4", TimeSpan.FromDays(7) + second, 0, 0),
            ("5", TimeSpan.FromDays(30), 0, 0),
            ("6", TimeSpan.FromDays(30) + second, 0, 0),
            ("7", -second, 50, 0),
            ("8", TimeSpan.Zero, 0, 0));

        var day = await _client.GetJsonAsync("/api/v1/trending?window=day");
        var week = await _client.GetJsonAsync("/api/v1/trending?window=week");
        var month = await _client.GetJsonAsync("/api/v1/trending?window=month&limit=100");

        // Without votes the score falls with age: newest first.
        Assert.Equal(["2601.00008", "2601.00001"], day.Ids("paper"));
        Assert.Equal(["2601.00008", "2601.00001", "2601.00002", "2601.00003"], week.Ids("paper"));
        Assert.Equal(["2601.00008", "2601.00001", "2601.00002", "2601.00003", "2601.00004", "2601.00005"], month.Ids("paper"));
        Assert.Equal(0.0, day.GetProperty("items")[0].GetProperty("ageHours").GetDouble());
    }

    [Fact]
    public async Task Paging_returns_every_paper_once_ranked_as_of_the_first_page_while_time_passes()
    {
        var papers = Enumerable.Range(0, 23)
            .Select(i => ($"{i:D2}", TimeSpan.FromHours(i * 7 % 160), i * 13 % 17, i % 3))
            .ToArray();
        var now = await StartAsync(papers);

        var ids = new List<string>();
        var scores = new List<double>();
        var page = await _client.GetJsonAsync("/api/v1/trending?window=week&limit=5");
        while (true)
        {
            Assert.Equal(now, page.GetProperty("asOf").GetDateTimeOffset());
            ids.AddRange(page.Ids("paper"));
            scores.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("score").GetDouble()));
            if (page.GetProperty("nextCursor").GetString() is not { } cursor)
            {
                break;
            }

            // Scores change as papers age; the cursor keeps its first page's moment, so the order stays put.
            site.Clock.Advance(TimeSpan.FromMinutes(10));
            page = await _client.GetJsonAsync($"/api/v1/trending?limit=5&cursor={cursor}");
        }

        Assert.Equal(23, ids.Count);
        Assert.Equal(23, ids.Distinct().Count());
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task Gravity_comes_from_configuration()
    {
        await StartAsync(("g", TimeSpan.FromHours(8), 3, 1));
        await using var factory = new PaperFeedWebFactory(_database, site.Clock, new Dictionary<string, string> { ["Trending:Gravity"] = "1" });
        using var client = factory.CreateClient();

        var item = (await client.GetJsonAsync("/api/v1/trending?window=day")).GetProperty("items")[0];

        // (3 + 1 + 1) / (8 + 2)^1 = 0.5
        Assert.Equal(0.5, item.GetProperty("score").GetDouble(), 1e-12);
        Assert.Equal(1.0, item.GetProperty("gravity").GetDouble());
    }

    [Fact]
    public async Task An_impossible_gravity_stops_the_app_at_start()
    {
        await using var factory = new PaperFeedWebFactory(_database, site.Clock, new Dictionary<string, string> { ["Trending:Gravity"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("Trending:Gravity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_is_refused_for_another_window()
    {
        await StartAsync(("x", TimeSpan.FromHours(1), 0, 0), ("y", TimeSpan.FromHours(2), 0, 0));
        var cursor = (await _client.GetJsonAsync("/api/v1/trending?window=day&limit=1")).GetProperty("nextCursor").GetString();

        var response = await _client.GetAsync($"/api/v1/trending?window=week&cursor={cursor}", TestContext.Current.CancellationToken);

        await response.AssertBadParameterAsync("cursor");
    }

    [Theory]
    [InlineData("/api/v1/trending?window=year", "window")]
    [InlineData("/api/v1/trending?window=", "window")]
    [InlineData("/api/v1/trending?window=Day", "window")]
    [InlineData("/api/v1/trending?limit=0", "limit")]
    [InlineData("/api/v1/trending?limit=101", "limit")]
    [InlineData("/api/v1/trending?limit=1.5", "limit")]
    [InlineData("/api/v1/trending?cursor=garbage", "cursor")]
    [InlineData("/api/v1/trending?cursor=", "cursor")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        await response.AssertBadParameterAsync(parameter);
    }

    /// <summary>Clears the papers and inserts <c>2601.000{name}</c> papers published the given time before now.</summary>
    private async Task<DateTimeOffset> StartAsync(params (string Name, TimeSpan Age, int Upvotes, int LocalUpvotes)[] papers)
    {
        var now = site.Clock.GetUtcNow();
        Assert.Equal(0, now.Ticks % TimeSpan.TicksPerMinute);
        await _database.ClearPapersAsync();
        await _database.InsertAsync(papers
            .Select(p => Make($"2601.{p.Name.PadLeft(5, '0')}", now - p.Age, p.Upvotes, p.LocalUpvotes))
            .ToArray());
        return now;
    }

    private static void AssertScore(JsonElement item, double score, int upvotes, int localUpvotes, double ageHours)
    {
        Assert.Equal(score, item.GetProperty("score").GetDouble(), score * 1e-12);
        Assert.Equal(upvotes, item.GetProperty("upvotes").GetInt32());
        Assert.Equal(localUpvotes, item.GetProperty("localUpvotes").GetInt32());
        Assert.Equal(ageHours, item.GetProperty("ageHours").GetDouble(), 1e-9);
        Assert.Equal(1.8, item.GetProperty("gravity").GetDouble());
    }
}
