using System.Text.RegularExpressions;
using PaperFeed.BrowserTests.Infrastructure;

namespace PaperFeed.BrowserTests.Pages;

[Collection(BrowserTestGroup.Name)]
public sealed class TrendingPageTests(BrowserSite site)
{
    [Fact]
    public async Task Trending_shows_the_parts_of_each_score_on_tap()
    {
        await using var browser = await site.NewPageAsync(Viewport.Phone);
        await browser.GotoAsync("/trending?window=month");

        var score = browser.Page.Locator(".paper-card details.score").First;
        await Assertions.Expect(score.Locator("summary")).ToHaveAttributeAsync("title", new Regex(@"\(upvotes \+ 1\) / \(age in hours \+ 2\)\^1\.8"));
        await Assertions.Expect(score.Locator("dl")).ToBeHiddenAsync();
        await score.Locator("summary").TapAsync();
        await Assertions.Expect(score.Locator("dl")).ToContainTextAsync("hours");
        await browser.ScreenshotAsync("trending-phone", fullPage: false);
        await browser.AssertAccessibleAsync();
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Trending_windows_switch_and_a_bad_one_is_explained()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/trending");
        await Assertions.Expect(browser.Page.Locator("[aria-current=page]", new() { HasText = "Past week" })).ToBeVisibleAsync();

        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Past day" }).ClickAsync();
        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex(@"/trending\?window=day$"));

        await browser.GotoAsync("/trending?window=year", expectedStatus: 400);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("window must be one of day, week, month");
    }
}
