using System.Text.RegularExpressions;
using PaperFeed.BrowserTests.Infrastructure;

namespace PaperFeed.BrowserTests.Pages;

[Collection(BrowserTestGroup.Name)]
public sealed partial class FeedPageTests(BrowserSite site)
{
    [Fact]
    public async Task Home_shows_the_latest_day_most_upvoted_first()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/");

        await Assertions.Expect(browser.Page.Locator("h1")).ToContainTextAsync("Latest papers");
        var cards = browser.Page.Locator(".paper-card");
        Assert.True(await cards.CountAsync() > 0);
        var counts = await browser.Page.Locator(".paper-card .upvote .count").AllTextContentsAsync();
        var upvotes = counts.Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(upvotes.OrderDescending(), upvotes);
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Previous_and_next_walk_through_days_weeks_and_months()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/");

        // Day: one step back, then forward again to where we started.
        var previous = browser.Page.Locator(".period-nav a[rel=prev]");
        var previousHref = await previous.GetAttributeAsync("href");
        Assert.Matches(DayPath(), previousHref!);
        await previous.ClickAsync();
        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex(Regex.Escape(previousHref!) + "$"));
        await Assertions.Expect(browser.Page.Locator(".paper-card").First).ToBeVisibleAsync();
        await browser.Page.Locator(".period-nav a[rel=next]").ClickAsync();
        await Assertions.Expect(browser.Page).ToHaveURLAsync(DayPath());

        // Week and month of the same day, each with its own previous link.
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Week", Exact = true }).ClickAsync();
        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex(@"/papers/week/\d{4}-W\d{2}$"));
        await Assertions.Expect(browser.Page.Locator("h1")).ToContainTextAsync("Week");
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Month", Exact = true }).ClickAsync();
        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex(@"/papers/month/\d{4}-\d{2}$"));
        Assert.True(await browser.Page.Locator(".paper-card").CountAsync() > 0);
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Date_picker_opens_the_day_week_or_month_of_a_date()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/");

        await browser.Page.Locator("#date").FillAsync(BrowserSite.HostilePaper.Day);
        await browser.Page.Locator("#view").SelectOptionAsync("week");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex("/papers/week/2020-W02$"));
        await Assertions.Expect(browser.Page.Locator(".paper-card")).ToHaveCountAsync(1);
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Period_urls_that_name_no_period_explain_themselves()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/papers/week/2021-W54", expectedStatus: 400);

        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("week 54 does not exist in 2021");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Feed_page_is_accessible_and_photographed_on_a_phone_a_desktop_and_in_dark_mode()
    {
        foreach (var viewport in Viewport.Both.Append(Viewport.DesktopDark))
        {
            await using var browser = await site.NewPageAsync(viewport);
            await browser.GotoAsync("/");
            await browser.ScreenshotAsync($"feed-{viewport.Name}", fullPage: false);
            await browser.AssertAccessibleAsync();
            await browser.AssertCleanAsync();
        }
    }

    [Fact]
    public async Task Feed_page_is_under_100_KB_of_HTML_and_CSS()
    {
        var html = await site.Http.GetByteArrayAsync("/papers/month/" + await LatestMonthAsync(), TestContext.Current.CancellationToken);
        var css = await site.Http.GetByteArrayAsync("/css/site.css", TestContext.Current.CancellationToken);

        Assert.True(html.Length + css.Length < 100 * 1024, $"HTML {html.Length} + CSS {css.Length} bytes");
    }

    private async Task<string> LatestMonthAsync() =>
        await site.Database.ScalarAsync<string>("SELECT to_char(max(published_at) AT TIME ZONE 'UTC', 'YYYY-MM') FROM papers");

    [GeneratedRegex(@"/papers/date/\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DayPath();
}
