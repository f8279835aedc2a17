using System.Text.Json;
using PaperFeed.Core.Papers;
using PaperFeed.IntegrationTests.Infrastructure;
using static PaperFeed.IntegrationTests.Infrastructure.TestPapers;

namespace PaperFeed.IntegrationTests.Feed;

/// <summary>
/// The day, week and month feeds over papers with chosen dates and upvotes. Each test keeps to its own years, so
/// they share one database; only the default-feed test uses 2999 and only the navigation test 1950.
/// </summary>
public sealed class FeedApiTests(WebSite site) : IClassFixture<WebSite>, IDisposable
{
    private readonly TestDatabase _database = site.Database;
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Day_feed_lists_the_days_papers_by_total_upvotes_then_newest_then_id()
    {
        await _database.InsertAsync(
            Make("2403.00001", Utc(2024, 3, 5), upvotes: 5),
            Make("2403.00002", Utc(2024, 3, 5), upvotes: 5, localUpvotes: 2),
            Make("2403.00003", Utc(2024, 3, 5, 10), upvotes: 4, localUpvotes: 1),
            Make("2403.00004", Utc(2024, 3, 5)),
            Make("2403.00005", Utc(2024, 3, 5), upvotes: 5),
            Make("2403.00006", Utc(2024, 3, 5, 23, 59, 59), upvotes: 1),
            Make("2403.00007", Utc(2024, 3, 4, 23, 59, 59), upvotes: 50),
            Make("2403.00008", Utc(2024, 3, 6), upvotes: 50));

        var page = await _client.GetJsonAsync("/api/v1/feed?date=2024-03-05");

        // 7 total; then three with 5, the one published at 10:00 first, the two at midnight by id descending.
        Assert.Equal(["2403.00002", "2403.00003", "2403.00005", "2403.00001", "2403.00006", "2403.00004"], page.Ids());
        Assert.Equal(7, page.GetProperty("items")[0].GetProperty("upvotes").GetInt32());
        var period = page.GetProperty("period");
        Assert.Equal("day", period.GetProperty("kind").GetString());
        Assert.Equal("2024-03-05", period.GetProperty("key").GetString());
        Assert.Equal(Utc(2024, 3, 5), period.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(Utc(2024, 3, 6), period.GetProperty("end").GetDateTimeOffset());
        Assert.Equal("2024-03-04", page.GetProperty("previous").GetProperty("key").GetString());
        Assert.Equal("2024-03-06", page.GetProperty("next").GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Week_feed_runs_from_monday_to_sunday_in_UTC()
    {
        // 2023-W10 is Monday 2023-03-06 to Sunday 2023-03-12.
        await _database.InsertAsync(
            Make("2303.00001", Utc(2023, 3, 5, 23, 59, 59), upvotes: 9),
            Make("2303.00002", Utc(2023, 3, 6), upvotes: 1),
            Make("2303.00003", Utc(2023, 3, 9), upvotes: 3),
            Make("2303.00004", Utc(2023, 3, 12, 23, 59, 59), upvotes: 2),
            Make("2303.00005", Utc(2023, 3, 13), upvotes: 9));

        var page = await _client.GetJsonAsync("/api/v1/feed?week=2023-W10");

        Assert.Equal(["2303.00003", "2303.00004", "2303.00002"], page.Ids());
        Assert.Equal(Utc(2023, 3, 6), page.GetProperty("period").GetProperty("start").GetDateTimeOffset());
        Assert.Equal(Utc(2023, 3, 13), page.GetProperty("period").GetProperty("end").GetDateTimeOffset());
        Assert.Equal("2023-W09", page.GetProperty("previous").GetProperty("key").GetString());
        Assert.Equal("2023-W11", page.GetProperty("next").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Month_feed_includes_papers_known_only_by_month_and_day_and_week_feeds_do_not()
    {
        await _database.InsertAsync(
            Make("pf-0000000000000501", Utc(2022, 5, 1), upvotes: 8, precision: DatePrecision.Month),
            Make("2205.00001", Utc(2022, 5, 1), upvotes: 2),
            Make("2205.00002", Utc(2022, 5, 31, 23), upvotes: 3),
            Make("pf-0000000000002022", Utc(2022, 1, 1), upvotes: 99, precision: DatePrecision.Year));

        var month = await _client.GetJsonAsync("/api/v1/feed?month=2022-05");
        var day = await _client.GetJsonAsync("/api/v1/feed?date=2022-05-01");
        var week = await _client.GetJsonAsync("/api/v1/feed?week=2022-W17");
        var january = await _client.GetJsonAsync("/api/v1/feed?month=2022-01");

        Assert.Equal(["pf-0000000000000501", "2205.00002", "2205.00001"], month.Ids());
        Assert.Equal(["2205.00001"], day.Ids());
        // 2022-W17 is Monday 2022-04-25 to Sunday 2022-05-01.
        Assert.Equal(["2205.00001"], week.Ids());
        // Known only by year: no period feed lists it.
        Assert.Empty(january.Ids());
    }

    [Fact]
    public async Task Previous_and_next_skip_periods_without_papers_of_the_same_kind()
    {
        // The earliest papers of this class: nothing lies before 1950-01-10.
        await _database.InsertAsync(
            Make("pf-0000000001950110", Utc(1950, 1, 10)),
            Make("pf-0000000001950120", Utc(1950, 1, 20)),
            Make("pf-0000000001950201", Utc(1950, 2, 1), precision: DatePrecision.Month),
            Make("pf-0000000001950315", Utc(1950, 3, 15)));

        var first = await _client.GetJsonAsync("/api/v1/feed?date=1950-01-10");
        var second = await _client.GetJsonAsync("/api/v1/feed?date=1950-01-20");
        var empty = await _client.GetJsonAsync("/api/v1/feed?date=1950-02-01");
        var january = await _client.GetJsonAsync("/api/v1/feed?month=1950-01");
        var march = await _client.GetJsonAsync("/api/v1/feed?month=1950-03");
        var week = await _client.GetJsonAsync("/api/v1/feed?week=1950-W03");

        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        Assert.Equal("1950-01-20", first.GetProperty("next").GetProperty("key").GetString());
        // The month-precision paper's placeholder day is not a day with papers.
        Assert.Equal("1950-03-15", second.GetProperty("next").GetProperty("key").GetString());
        Assert.Empty(empty.Ids());
        Assert.Equal("1950-01-20", empty.GetProperty("previous").GetProperty("key").GetString());
        Assert.Equal("1950-03-15", empty.GetProperty("next").GetProperty("key").GetString());
        // For months it is: February has a paper.
        Assert.Equal(JsonValueKind.Null, january.GetProperty("previous").ValueKind);
        Assert.Equal("1950-02", january.GetProperty("next").GetProperty("key").GetString());
        Assert.Equal("1950-02", march.GetProperty("previous").GetProperty("key").GetString());
        var februaryBounds = january.GetProperty("next");
        Assert.Equal(Utc(1950, 2, 1), februaryBounds.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(Utc(1950, 3, 1), februaryBounds.GetProperty("end").GetDateTimeOffset());
        // 1950-01-20 is in W03; the next week with a dated paper is W11 (1950-03-15).
        Assert.Equal("1950-W02", week.GetProperty("previous").GetProperty("key").GetString());
        Assert.Equal("1950-W11", week.GetProperty("next").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Without_a_period_the_feed_shows_the_latest_day_with_papers()
    {
        // The latest papers of this class; the month-precision one is later but has no day.
        await _database.InsertAsync(
            Make("pf-0000000002999102", Utc(2999, 11, 2), upvotes: 1),
            Make("pf-0000000002999112", Utc(2999, 11, 20), upvotes: 1),
            Make("pf-0000000002999120", Utc(2999, 12, 1), precision: DatePrecision.Month));

        var page = await _client.GetJsonAsync("/api/v1/feed");

        Assert.Equal("2999-11-20", page.GetProperty("period").GetProperty("key").GetString());
        Assert.Equal(["pf-0000000002999112"], page.Ids());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.Equal("2999-11-02", page.GetProperty("previous").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Paging_through_a_month_returns_every_paper_once_in_feed_order()
    {
        var papers = Enumerable.Range(1, 57)
            .Select(i => Make($"2107.{i:D5}", Utc(2021, 7, 1 + (i % 31), i % 24), upvotes: i % 7, localUpvotes: i % 3))
            .ToArray();
        await _database.InsertAsync(papers);
        var expected = papers
            .OrderByDescending(p => p.Upvotes + p.LocalUpvotes)
            .ThenByDescending(p => p.PublishedAt)
            .ThenByDescending(p => p.Id, StringComparer.Ordinal)
            .Select(p => p.Id)
            .ToList();

        var ids = new List<string>();
        var page = await _client.GetJsonAsync("/api/v1/feed?month=2021-07&limit=10");
        ids.AddRange(page.Ids());
        while (page.GetProperty("nextCursor").GetString() is { } cursor)
        {
            // The cursor remembers its month: it is followed alone, or with the same month.
            var url = ids.Count == 10 ? $"/api/v1/feed?month=2021-07&limit=10&cursor={cursor}" : $"/api/v1/feed?limit=10&cursor={cursor}";
            page = await _client.GetJsonAsync(url);
            Assert.Equal("2021-07", page.GetProperty("period").GetProperty("key").GetString());
            ids.AddRange(page.Ids());
        }

        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task A_cursor_is_refused_for_another_period()
    {
        await _database.InsertAsync(
            Make("2008.00001", Utc(2020, 8, 3), upvotes: 2),
            Make("2008.00002", Utc(2020, 8, 3), upvotes: 1));
        var page = await _client.GetJsonAsync("/api/v1/feed?date=2020-08-03&limit=1");
        var cursor = page.GetProperty("nextCursor").GetString();

        var response = await _client.GetAsync($"/api/v1/feed?date=2020-08-04&cursor={cursor}", TestContext.Current.CancellationToken);

        var detail = await response.AssertBadParameterAsync("cursor");
        Assert.Contains("2020-08-03", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Iso_weeks_cross_year_boundaries()
    {
        await _database.InsertAsync(
            Make("2012.90001", Utc(2015, 12, 31), upvotes: 1),
            Make("2101.90001", Utc(2016, 1, 3), upvotes: 2),
            Make("2101.90002", Utc(2016, 1, 4), upvotes: 3),
            Make("2412.90001", Utc(2018, 12, 31), upvotes: 4),
            Make("2412.90002", Utc(2018, 12, 30), upvotes: 5));

        // 2015 has 53 ISO weeks; its last runs from 2015-12-28 into 2016.
        var w53 = await _client.GetJsonAsync("/api/v1/feed?week=2015-W53");
        // 2018-12-31 is a Monday in ISO year 2019.
        var w01 = await _client.GetJsonAsync("/api/v1/feed?week=2019-W01");

        Assert.Equal(["2101.90001", "2012.90001"], w53.Ids());
        Assert.Equal(Utc(2015, 12, 28), w53.GetProperty("period").GetProperty("start").GetDateTimeOffset());
        Assert.Equal(Utc(2016, 1, 4), w53.GetProperty("period").GetProperty("end").GetDateTimeOffset());
        Assert.Equal("2016-W01", w53.GetProperty("next").GetProperty("key").GetString());
        Assert.Equal(["2412.90001"], w01.Ids());
        Assert.Equal("2018-W52", w01.GetProperty("previous").GetProperty("key").GetString());
    }

    [Theory]
    [InlineData("/api/v1/feed?limit=0", "limit")]
    [InlineData("/api/v1/feed?limit=101", "limit")]
    [InlineData("/api/v1/feed?limit=-5", "limit")]
    [InlineData("/api/v1/feed?limit=ten", "limit")]
    [InlineData("/api/v1/feed?date=2025-02-30", "date")]
    [InlineData("/api/v1/feed?date=2025-3-4", "date")]
    [InlineData("/api/v1/feed?date=", "date")]
    [InlineData("/api/v1/feed?date=1899-12-31", "date")]
    [InlineData("/api/v1/feed?date=3000-01-01", "date")]
    [InlineData("/api/v1/feed?week=2025-W53", "week")]
    [InlineData("/api/v1/feed?week=2021-W53", "week")]
    [InlineData("/api/v1/feed?week=2025-W00", "week")]
    [InlineData("/api/v1/feed?week=2025-10", "week")]
    [InlineData("/api/v1/feed?week=3000-W01", "week")]
    [InlineData("/api/v1/feed?month=2025-13", "month")]
    [InlineData("/api/v1/feed?month=2025-03-01", "month")]
    [InlineData("/api/v1/feed?month=1899-12", "month")]
    [InlineData("/api/v1/feed?date=2025-03-04&week=2025-W10", "date,week")]
    [InlineData("/api/v1/feed?week=2025-W10&month=2025-03", "week,month")]
    [InlineData("/api/v1/feed?cursor=not-a-cursor!", "cursor")]
    [InlineData("/api/v1/feed?cursor=RGF5fDIwMjUtMDctMzF8MHw2Mzg4OTUxNjgwMDAwMDAwMDB8MjUwNy4yMjg4NjxYhOrXp6vW", "cursor")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        await response.AssertBadParameterAsync(parameter);
    }
}
