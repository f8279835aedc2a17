using PaperFeed.BrowserTests.Infrastructure;

namespace PaperFeed.BrowserTests.Flows;

[Collection(BrowserTestGroup.Name)]
public sealed class ForYouTests(BrowserSite site)
{
    [Fact]
    public async Task A_new_visitor_is_told_how_recommendations_come()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/for-you");

        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Upvote a few papers you like");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Upvoted_papers_bring_recommendations_that_can_be_hidden_and_cleared()
    {
        await using var browser = await site.NewPageAsync();
        foreach (var id in new[] { "2503.12827", "2503.15457" })
        {
            await browser.GotoAsync($"/papers/{id}");
            var button = browser.Page.Locator(".paper-actions .upvote button");
            await button.ClickAsync();
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        }

        await browser.GotoAsync("/for-you");
        var cards = browser.Page.Locator(".paper-card");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        var hiddenTitle = await cards.First.Locator(".paper-title").InnerTextAsync();
        await browser.ScreenshotAsync("for-you-desktop", fullPage: false);
        await browser.AssertAccessibleAsync();

        await cards.First.GetByRole(AriaRole.Button, new() { Name = "Not interested" }).ClickAsync();
        await Assertions.Expect(browser.Page.Locator(".hidden-papers")).ToContainTextAsync(hiddenTitle);
        Assert.DoesNotContain(hiddenTitle, await browser.Page.Locator(".paper-card .paper-title").AllInnerTextsAsync());
        await Assertions.Expect(browser.Page.Locator(".history")).ToContainTextAsync("Made from 2 upvoted and 1 hidden papers");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Clear my history" }).ClickAsync();
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Upvote a few papers you like");
        await browser.GotoAsync("/papers/2503.12827");
        await Assertions.Expect(browser.Page.Locator(".paper-actions .upvote button")).ToHaveAttributeAsync("aria-pressed", "false");
        await browser.AssertCleanAsync();
    }
}
