using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.BrowserTests.Infrastructure;
using PaperFeed.Core.Digests;
using PaperFeed.Data;
using PaperFeed.Data.Digests;

namespace PaperFeed.BrowserTests.Subscriptions;

[Collection(BrowserTestGroup.Name)]
public sealed class SubscriptionPageTests(BrowserSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bad_fields_are_shown_next_to_them_and_nothing_is_stored()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/subscribe");
        await browser.Page.GetByLabel("Email address").FillAsync("not-an-address");
        await browser.Page.GetByLabel("Send at hour").FillAsync("25");
        await browser.Page.GetByLabel("Time zone").FillAsync("Mars/Olympus_Mons");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();

        await Assertions.Expect(browser.Page.Locator("#email-error")).ToContainTextAsync("email must be one mail address");
        await Assertions.Expect(browser.Page.Locator("#sendHour-error")).ToContainTextAsync("0 to 23");
        await Assertions.Expect(browser.Page.Locator("#timeZone-error")).ToContainTextAsync("not an IANA time zone");
        await Assertions.Expect(browser.Page.GetByLabel("Time zone")).ToHaveValueAsync("Mars/Olympus_Mons");
        Assert.Equal(0L, await site.Database.ScalarAsync<long>("SELECT count(*) FROM subscribers WHERE email_key = 'not-an-address'"));
        await browser.AssertAccessibleAsync();
        // No AssertCleanAsync: Chromium logs the page's own 400 as a console error.
        await browser.ScreenshotAsync("subscribe-errors-desktop");
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Valid_subscription_shows_check_your_inbox_and_is_stored_pending(string viewport)
    {
        var address = $"ada.{viewport}@example.org";
        await using var browser = await site.NewPageAsync(viewport == "phone" ? Viewport.Phone : Viewport.Desktop);
        await browser.GotoAsync("/");
        await browser.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Subscribe" }).ClickAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync($"subscribe-form-{viewport}");

        await browser.Page.GetByLabel("Email address").FillAsync(address);
        await browser.Page.GetByLabel("Weekly").CheckAsync();
        await browser.Page.GetByLabel("Send at hour").FillAsync("8");
        await browser.Page.GetByLabel("Time zone").FillAsync("Europe/Berlin");
        await browser.Page.GetByLabel("Interests").FillAsync("gaussian splatting\nlanguage models");
        await browser.Page.GetByLabel("Categories").FillAsync("cs.CV, cs.CL");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();

        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Check your inbox");
        await using var db = site.Database.CreateDbContext();
        var stored = await db.Subscribers.AsNoTracking().SingleAsync(s => s.EmailKey == address, Ct);
        Assert.Equal(SubscriberStatus.Pending, stored.Status);
        Assert.Equal((DigestFrequency.Weekly, 8, "Europe/Berlin"), (stored.Frequency, stored.SendHour, stored.TimeZone));
        Assert.Equal(["gaussian splatting", "language models"], stored.Interests);
        Assert.Equal(["cs.CV", "cs.CL"], stored.Categories);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync($"subscribe-accepted-{viewport}");
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Confirm_link_shows_a_button_whose_post_activates_and_leads_to_preferences()
    {
        var (subscriberId, token) = await PendingSubscriberAsync("grace.confirm@example.org", TimeSpan.FromDays(7));
        await using var browser = await site.NewPageAsync(Viewport.Phone);
        await browser.GotoAsync($"/subscribe/confirm?token={token}");
        Assert.Equal("Pending", await StatusAsync(subscriberId)); // opening the link changes nothing
        await browser.AssertAccessibleAsync();

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm subscription" }).ClickAsync();
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your subscription is confirmed");
        Assert.Equal("Active", await StatusAsync(subscriberId));
        await browser.ScreenshotAsync("subscribe-confirmed-phone");

        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Change your preferences" }).ClickAsync();
        await Assertions.Expect(browser.Page.GetByLabel("Time zone")).ToHaveValueAsync("UTC");
        await browser.Page.GetByLabel("Send at hour").FillAsync("18");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your preferences are saved");
        Assert.Equal(18L, await site.Database.ScalarAsync<long>($"SELECT send_hour::bigint FROM subscribers WHERE id = {subscriberId}"));
        await browser.AssertAccessibleAsync();

        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Unsubscribe from all digests" }).ClickAsync();
        Assert.Equal("Active", await StatusAsync(subscriberId)); // the GET shows a button only
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are unsubscribed");
        Assert.Equal("Unsubscribed", await StatusAsync(subscriberId));
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Expired_or_altered_confirm_link_says_so_and_confirms_nothing()
    {
        var (subscriberId, expired) = await PendingSubscriberAsync("alan.expired@example.org", TimeSpan.FromDays(-1));
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync($"/subscribe/confirm?token={expired}", expectedStatus: 410);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link has expired");
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm subscription" })).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();

        await browser.GotoAsync($"/subscribe/confirm?token={expired[..^2]}AA", expectedStatus: 400);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link is not valid");
        Assert.Equal("Pending", await StatusAsync(subscriberId));
    }

    /// <summary>A subscription requested through the service, and a confirmation token signed as its mail's link is.</summary>
    private async Task<(long Id, string Token)> PendingSubscriberAsync(string address, TimeSpan lifetime)
    {
        using var scope = site.Factory.Services.CreateScope();
        var preferences = DigestPreferences.TryCreate(null, null, null, null, null, null, out _)!;
        await scope.ServiceProvider.GetRequiredService<DigestSubscriptions>().RequestAsync(address, address, preferences, Ct);
        var subscriber = await scope.ServiceProvider.GetRequiredService<PaperFeedDbContext>().Subscribers.AsNoTracking().SingleAsync(s => s.EmailKey == address, Ct);
        var token = await scope.ServiceProvider.GetRequiredService<SubscriptionLinks>()
            .TokenAsync(TokenPurpose.Confirm, subscriber.Id, subscriber.Stamp, site.Clock.GetUtcNow() + lifetime, Ct);
        return (subscriber.Id, token);
    }

    private async Task<string> StatusAsync(long subscriberId)
    {
        await using var db = site.Database.CreateDbContext();
        return (await db.Subscribers.AsNoTracking().SingleAsync(s => s.Id == subscriberId, Ct)).Status.ToString();
    }
}
