using System.Globalization;
using System.Net;
using PaperFeed.BrowserTests.Infrastructure;

namespace PaperFeed.BrowserTests.Flows;

[Collection(BrowserTestGroup.Name)]
public sealed class UpvoteTests(BrowserSite site)
{
    [Fact]
    public async Task With_javascript_an_upvote_counts_in_place_and_can_be_withdrawn()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/papers/2503.11731");
        var button = browser.Page.Locator(".paper-actions .upvote button");
        var before = int.Parse(await button.Locator(".count").InnerTextAsync(), CultureInfo.InvariantCulture);
        var url = browser.Page.Url;

        await button.ClickAsync();

        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(button.Locator(".count")).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(url, browser.Page.Url);
        await browser.Page.ReloadAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(button.Locator(".count")).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));

        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(button.Locator(".count")).ToHaveTextAsync(before.ToString(CultureInfo.InvariantCulture));
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Without_javascript_the_upvote_form_posts_and_returns_to_the_page()
    {
        await using var browser = await site.NewPageAsync(javaScript: false);
        await browser.GotoAsync("/papers/2503.11742");
        var button = browser.Page.Locator(".paper-actions .upvote button");
        var before = int.Parse(await button.Locator(".count").InnerTextAsync(), CultureInfo.InvariantCulture);

        await button.ClickAsync();

        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(button.Locator(".count")).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));
        Assert.EndsWith("/papers/2503.11742#paper-2503.11742", browser.Page.Url, StringComparison.Ordinal);
        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(button.Locator(".count")).ToHaveTextAsync(before.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Keyboard_alone_reaches_the_content_and_upvotes()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/papers/2503.11750");

        await browser.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(browser.Page.Locator(":focus")).ToHaveTextAsync("Skip to content");
        await browser.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(browser.Page.Locator("main")).ToBeFocusedAsync();
        await browser.Page.Keyboard.PressAsync("Tab");
        var button = browser.Page.Locator(".paper-actions .upvote button");
        await Assertions.Expect(button).ToBeFocusedAsync();
        await browser.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task A_vote_posted_without_the_antiforgery_token_is_refused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" });

        var response = await site.Http.PostAsync("/papers/2503.11731/upvote", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
