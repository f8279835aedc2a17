using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PaperFeed.Data.Digests;

namespace PaperFeed.IntegrationTests.Digests;

/// <summary>
/// Subscribing end to end through the real web app, the worker's digest run and a real SMTP server: the mails it
/// receives, their headers and parts, and their links followed against the app.
/// </summary>
public sealed class SubscriptionMailTests(DigestSite site) : IClassFixture<DigestSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribing_sends_only_a_confirmation_mail_whose_link_confirms()
    {
        using var client = site.Web.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/subscriptions", new { email = "ada.confirm@example.org", interests = new[] { "graph neural networks" } }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await site.RunAsync();
        site.Clock.Advance(TimeSpan.FromDays(2));
        await site.RunAsync();

        var mail = Assert.Single(site.Smtp.MessagesTo("ada.confirm@example.org"));
        AssertCommonHeaders(mail, "ada.confirm@example.org");
        Assert.Equal("Confirm your PaperFeed subscription", mail.Subject);
        var confirm = Assert.Single(DigestSite.SiteLinks(mail));
        Assert.StartsWith($"{DigestSite.BaseUrl}/subscribe/confirm?token=", confirm, StringComparison.Ordinal);
        Assert.Contains(confirm, mail.HtmlBody, StringComparison.Ordinal);

        var confirmed = await client.PostAsJsonAsync("/api/v1/subscriptions/confirm", new { token = DigestSite.TokenOf(confirm) }, Ct);
        var body = await confirmed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Active", body.GetProperty("status").GetString());
        Assert.Equal(["graph neural networks"], body.GetProperty("interests").EnumerateArray().Select(e => e.GetString()));

        // Confirming again is harmless.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/subscriptions/confirm", new { token = DigestSite.TokenOf(confirm) }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Confirmed_subscriber_gets_a_digest_whose_links_manage_and_unsubscribe_in_one_click()
    {
        const string address = "grace.digest@example.org";
        var token = await SubscribeAndConfirmAsync(address, "graph neural networks");
        // Published just now: inside the window of the digest due within the next day.
        await site.AddPapersAsync(0.1,
            ("2611.10001", "Sparse attention for long documents", "We study sparse attention in transformers.", 40),
            ("2611.10002", "Graph neural networks for molecules", "Message passing graph neural networks predict molecule properties.", 2));
        site.Clock.Advance(TimeSpan.FromDays(1));

        var counts = await site.RunAsync();

        Assert.True(counts.Sent >= 1, counts.ToString());
        var digest = Assert.Single(site.Smtp.MessagesTo(address), m => m.Subject?.StartsWith("PaperFeed daily", StringComparison.Ordinal) == true);
        AssertCommonHeaders(digest, address);
        var unsubscribe = digest.Headers[HeaderId.ListUnsubscribe] ?? "";
        Assert.Matches($"^<{DigestSite.BaseUrl}/unsubscribe\\?token=[A-Za-z0-9_-]+>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Sparse attention for long documents", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Graph neural networks for molecules", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Matches “graph neural networks”", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("<table", digest.HtmlBody, StringComparison.Ordinal);

        using var client = site.Web.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var manage = DigestSite.SiteLinks(digest).Single(l => l.Contains("/subscriptions/manage?token=", StringComparison.Ordinal));
        var preferences = await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/preferences?token={DigestSite.TokenOf(manage)}", Ct);
        Assert.Equal(address, preferences.GetProperty("email").GetString());

        var oneClick = unsubscribe.Trim('<', '>')[DigestSite.BaseUrl.Length..];
        using var form = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var first = await client.PostAsync(oneClick, form, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Unsubscribed", (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(oneClick, form, Ct)).StatusCode);

        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.RunAsync();
        Assert.Single(site.Smtp.MessagesTo(address), m => m.Subject?.StartsWith("PaperFeed daily", StringComparison.Ordinal) == true);
        Assert.NotNull(token);
    }

    [Fact]
    public async Task One_click_takes_a_multipart_post_and_a_get_changes_nothing()
    {
        var subscriber = await site.AddActiveSubscriberAsync("linus.oneclick@example.org", nextDigestAt: site.Clock.GetUtcNow().AddDays(5));
        var links = site.Worker.GetRequiredService<SubscriptionLinks>();
        var url = (await links.MailLinksAsync(subscriber.Id, Ct)).Unsubscribe[DigestSite.BaseUrl.Length..];
        using var client = site.Web.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        await client.GetAsync(url, Ct);
        Assert.Equal(SubscriberStatus.Active, await StatusAsync(subscriber.Id));

        using var multipart = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };
        var response = await client.PostAsync(url, multipart, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusAsync(subscriber.Id));
    }

    [Fact]
    public async Task Subscribing_an_address_already_subscribed_answers_as_for_a_new_one()
    {
        await site.AddActiveSubscriberAsync("known.address@example.org", nextDigestAt: site.Clock.GetUtcNow().AddDays(5));
        using var client = site.Web.CreateClient();

        var known = await client.PostAsJsonAsync("/api/v1/subscriptions", new { email = "known.address@example.org", frequency = "weekly" }, Ct);
        var unknown = await client.PostAsJsonAsync("/api/v1/subscriptions", new { email = "new.address@example.org", frequency = "weekly" }, Ct);

        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(Ct), await known.Content.ReadAsStringAsync(Ct));
        await site.RunAsync();
        var notice = Assert.Single(site.Smtp.MessagesTo("known.address@example.org"));
        Assert.Equal("Your PaperFeed subscription", notice.Subject);
        Assert.Contains("/subscriptions/manage?token=", notice.TextBody ?? "", StringComparison.Ordinal);
        // The request did not change the active subscriber's preferences.
        await using var db = site.Database.CreateDbContext();
        Assert.Equal(Core.Digests.DigestFrequency.Daily, (await db.Subscribers.SingleAsync(s => s.EmailKey == "known.address@example.org", Ct)).Frequency);
    }

    [Fact]
    public async Task Requests_for_one_address_beyond_the_limit_get_429_and_bad_input_a_problem()
    {
        using var client = site.Web.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await client.PostAsJsonAsync("/api/v1/subscriptions", new { email = "Limited.Address@example.org" }, Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], codes);

        var bad = await client.PostAsJsonAsync("/api/v1/subscriptions", new { email = "x@example.org", timeZone = "Mars/Base" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal("timeZone", (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_expired_confirmation_link_answers_410_and_a_forged_one_400()
    {
        using var client = site.Web.CreateClient();
        await client.PostAsJsonAsync("/api/v1/subscriptions", new { email = "late.confirmer@example.org" }, Ct);
        await site.RunAsync();
        var confirm = DigestSite.SiteLinks(Assert.Single(site.Smtp.MessagesTo("late.confirmer@example.org"))).Single();
        site.Clock.Advance(TimeSpan.FromDays(8));

        var expired = await client.PostAsJsonAsync("/api/v1/subscriptions/confirm", new { token = DigestSite.TokenOf(confirm) }, Ct);
        var forged = await client.PostAsJsonAsync("/api/v1/subscriptions/confirm", new { token = DigestSite.TokenOf(confirm)[..^2] + "AA" }, Ct);

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_paper_title_with_line_breaks_cannot_add_headers()
    {
        const string address = "injection.target@example.org";
        await site.AddPapersAsync(2, ("2611.20001", "Innocent title\r\nBcc: victim@example.org\r\nX-Injected: yes", "Quantum injection abstract.", 500));
        await site.AddActiveSubscriberAsync(address, ["quantum injection"]);

        await site.RunAsync();

        var digest = Assert.Single(site.Smtp.MessagesTo(address));
        Assert.Null(digest.Headers["X-Injected"]);
        Assert.Empty(digest.Bcc);
        Assert.DoesNotContain(site.Smtp.Messages(), m => m.Headers["X-RcptTo"]?.Contains("victim", StringComparison.Ordinal) == true);
        Assert.Contains("Innocent title Bcc: victim@example.org X-Injected: yes", digest.Subject, StringComparison.Ordinal);
    }

    private async Task<string> SubscribeAndConfirmAsync(string address, string interest)
    {
        using var client = site.Web.CreateClient();
        await client.PostAsJsonAsync("/api/v1/subscriptions", new { email = address, interests = new[] { interest }, sendHour = 6, timeZone = "Europe/Berlin" }, Ct);
        await site.RunAsync();
        var confirm = DigestSite.SiteLinks(Assert.Single(site.Smtp.MessagesTo(address))).Single();
        var response = await client.PostAsJsonAsync("/api/v1/subscriptions/confirm", new { token = DigestSite.TokenOf(confirm) }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("manageToken").GetString()!;
    }

    private async Task<SubscriberStatus> StatusAsync(long id)
    {
        await using var db = site.Database.CreateDbContext();
        return (await db.Subscribers.AsNoTracking().SingleAsync(s => s.Id == id, Ct)).Status;
    }

    private static void AssertCommonHeaders(MimeMessage mail, string address)
    {
        Assert.Equal("digests@papers.example.test", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal(address, Assert.Single(mail.To.Mailboxes).Address);
        Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
        Assert.NotNull(mail.Headers[HeaderId.Date]);
        Assert.EndsWith("@papers.example.test", mail.MessageId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(mail.TextBody));
        Assert.False(string.IsNullOrWhiteSpace(mail.HtmlBody));
        Assert.Equal("multipart/alternative", mail.Body?.ContentType.MimeType);
    }
}
