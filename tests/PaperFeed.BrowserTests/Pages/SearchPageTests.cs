using System.Text.RegularExpressions;
using PaperFeed.BrowserTests.Infrastructure;

namespace PaperFeed.BrowserTests.Pages;

[Collection(BrowserTestGroup.Name)]
public sealed class SearchPageTests(BrowserSite site)
{
    [Fact]
    public async Task Search_with_category_and_dates_shows_only_matching_papers_with_highlights()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/search");

        await browser.Page.GetByLabel("Words, a question").FillAsync("gaussian splatting");
        await browser.Page.GetByLabel("Match").SelectOptionAsync("lexical");
        await browser.Page.GetByLabel("Published from").FillAsync("2025-03-01");
        await browser.Page.GetByLabel("to", new() { Exact = true }).FillAsync("2025-03-31");
        await browser.Page.GetByLabel("Category").FillAsync("cs.CV");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex(@"/search\?q=gaussian\+splatting&mode=lexical&from=2025-03-01&to=2025-03-31&category=cs.CV"));
        var cards = browser.Page.Locator(".paper-card");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        foreach (var card in await cards.AllAsync())
        {
            await Assertions.Expect(card.Locator(".categories")).ToContainTextAsync("cs.CV");
            var date = await card.Locator("time").GetAttributeAsync("datetime");
            Assert.StartsWith("2025-03", date, StringComparison.Ordinal);
        }

        await Assertions.Expect(browser.Page.Locator(".paper-card mark").First).ToHaveTextAsync(new Regex("[Gg]aussian|[Ss]platting"));
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("search-desktop", fullPage: false);
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Search_pages_through_results()
    {
        await using var browser = await site.NewPageAsync(Viewport.Phone);
        await browser.GotoAsync("/search?q=language+model&mode=lexical");
        await Assertions.Expect(browser.Page.Locator(".paper-card")).ToHaveCountAsync(20);
        var firstTitle = await browser.Page.Locator(".paper-title").First.InnerTextAsync();

        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Next results" }).ClickAsync();

        await Assertions.Expect(browser.Page.Locator(".result-count")).ToContainTextAsync("Results 21–");
        Assert.NotEqual(firstTitle, await browser.Page.Locator(".paper-title").First.InnerTextAsync());
        await browser.ScreenshotAsync("search-phone", fullPage: false);
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        await Assertions.Expect(browser.Page.Locator(".result-count")).ToContainTextAsync("Results 1–20");
    }

    [Fact]
    public async Task No_match_explains_what_to_try()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/search?q=gaussian&mode=lexical&category=hep-th");

        var notice = browser.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "No paper matches" });
        await Assertions.Expect(notice).ToContainTextAsync("with these filters");
        await notice.GetByRole(AriaRole.Link, new() { Name = "Search without the filters" }).ClickAsync();

        await Assertions.Expect(browser.Page.Locator(".paper-card").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Bad_filters_are_shown_next_to_their_fields()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/search?q=gaussian&from=2025-04-01&to=2025-03-01&category=not%20a%20category", expectedStatus: 400);

        await Assertions.Expect(browser.Page.Locator("#to-error")).ToContainTextAsync("to must not be before from");
        await Assertions.Expect(browser.Page.Locator("#category-error")).ToContainTextAsync("category must look like cs.CL");
        await browser.AssertAccessibleAsync();
    }
}
