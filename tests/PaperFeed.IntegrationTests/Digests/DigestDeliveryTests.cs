using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Data.Digests;
using PaperFeed.Worker.Digests;

namespace PaperFeed.IntegrationTests.Digests;

/// <summary>Exactly-once delivery: SMTP outages, repeated queueing, competing senders, refusals, the local send hour.</summary>
public sealed class DigestDeliveryTests(DigestSite site) : IClassFixture<DigestSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Digests_go_out_once_the_smtp_server_is_back_one_per_subscriber()
    {
        site.StartNextMorning();
        await site.AddPapersAsync(2, ("2611.30001", "Outage resistant protocols", "Retrying delivery.", 9));
        var addresses = Enumerable.Range(0, 5).Select(i => $"outage{i}@example.org").ToList();
        foreach (var address in addresses)
        {
            await site.AddActiveSubscriberAsync(address);
        }

        await site.Smtp.StopAsync();
        var down = await site.RunAsync();
        await site.Smtp.StartAsync();
        var back = await site.RunAsync();
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        var retried = await site.RunAsync();

        Assert.True(down.Composed >= 5 && down.Sent == 0 && down.Retried == 1, down.ToString());
        // Whether the mail that failed first waits for its backoff (then goes in the last run) or is already due
        // depends on the shared clock and the other tests' mails in the class; what holds either way: all go out.
        Assert.True(back.Sent + retried.Sent >= 5, $"{back} / {retried}");
        Assert.All(addresses, a => Assert.Single(site.Smtp.MessagesTo(a)));
    }

    [Fact]
    public async Task Queueing_the_same_period_twice_creates_one_digest_per_subscriber()
    {
        site.StartNextMorning();
        await site.AddPapersAsync(2, ("2611.30002", "Idempotent queues", "Unique constraints.", 3));
        var subscribers = new List<Subscriber>();
        for (var i = 0; i < 3; i++)
        {
            subscribers.Add(await site.AddActiveSubscriberAsync($"twice{i}@example.org"));
        }

        var now = site.Clock.GetUtcNow();
        var first = await QueueAsync(now);
        await using (var db = site.Database.CreateDbContext())
        {
            // As if other workers had composed at the same moment as the first: neither its schedule update nor
            // its record of the papers sent seen. Only the outbox's unique (subscriber, period) is left to hold.
            await db.Subscribers.Where(s => s.EmailKey.StartsWith("twice")).ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDigestAt, now), Ct);
            await db.DigestPapers.Where(p => db.Subscribers.Any(s => s.Id == p.SubscriberId && s.EmailKey.StartsWith("twice"))).ExecuteDeleteAsync(Ct);
        }

        var again = await Task.WhenAll(QueueAsync(now), QueueAsync(now));

        Assert.True(first.Composed >= 3, first.ToString());
        Assert.True(again.Sum(c => c.AlreadyQueued) >= 3, string.Join(" / ", again.Select(c => c.ToString())));
        await using var check = site.Database.CreateDbContext();
        var ids = subscribers.Select(s => s.Id).ToList();
        var digests = await check.MailOutbox.Where(m => ids.Contains(m.SubscriberId) && m.Kind == MailKind.Digest).Select(m => m.SubscriberId).ToListAsync(Ct);
        Assert.Equal(ids.Order(), digests.Order());
    }

    [Fact]
    public async Task Two_workers_sending_at_once_claim_disjoint_mails()
    {
        site.StartNextMorning();
        await site.AddPapersAsync(2, ("2611.30003", "Skip locked", "Disjoint claims.", 4));
        var addresses = Enumerable.Range(0, 30).Select(i => $"parallel{i}@example.org").ToList();
        foreach (var address in addresses)
        {
            await site.AddActiveSubscriberAsync(address);
        }

        await QueueAsync(site.Clock.GetUtcNow());
        await using var second = site.CreateWorker();
        var counts = await Task.WhenAll(
            site.Worker.GetRequiredService<MailSender>().SendDueAsync(Ct),
            second.GetRequiredService<MailSender>().SendDueAsync(Ct));

        Assert.True(counts.Sum(c => c.Sent) >= 30);
        Assert.All(counts, c => Assert.True(c.Sent > 0, "both workers sent"));
        var received = addresses.SelectMany(site.Smtp.MessagesTo).ToList();
        Assert.Equal(30, received.Count);
        Assert.Equal(30, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Refusals_for_good_are_recorded_and_suspend_the_address_and_busy_mailboxes_are_retried()
    {
        site.StartNextMorning();
        await site.AddPapersAsync(2, ("2611.30004", "Bounce handling", "Permanent failures.", 5));
        var bouncing = await site.AddActiveSubscriberAsync("bounce.me@example.org");
        var busy = await site.AddActiveSubscriberAsync("busy.me@example.org");

        var first = await site.RunAsync();
        await site.AddPapersAsync(-20, ("2611.30005", "Tomorrow's paper", "Another day.", 5));
        site.Clock.Advance(TimeSpan.FromDays(1));
        var second = await site.RunAsync();

        Assert.True(first.Failed >= 1 && first.Retried >= 1, first.ToString());
        await using var db = site.Database.CreateDbContext();
        var bounced = await db.Subscribers.SingleAsync(s => s.Id == bouncing.Id, Ct);
        Assert.Equal(SubscriberStatus.Suspended, bounced.Status);
        Assert.Equal(2, bounced.ConsecutiveFailures);
        var failures = await db.MailOutbox.Where(m => m.SubscriberId == bouncing.Id).Select(m => new { m.Status, m.LastError }).ToListAsync(Ct);
        Assert.All(failures, f => Assert.Equal(MailStatus.Failed, f.Status));
        Assert.All(failures, f => Assert.StartsWith("550", f.LastError, StringComparison.Ordinal));
        var retrying = await db.MailOutbox.Where(m => m.SubscriberId == busy.Id).ToListAsync(Ct);
        Assert.All(retrying, m => Assert.Equal(MailStatus.Queued, m.Status));
        Assert.Contains(retrying, m => m.Attempts >= 2 && m.LastError!.StartsWith("451", StringComparison.Ordinal));
        Assert.Equal(SubscriberStatus.Active, (await db.Subscribers.SingleAsync(s => s.Id == busy.Id, Ct)).Status);
        Assert.True(second.Failed + second.Retried >= 1);
    }

    [Fact]
    public async Task A_digest_is_due_at_the_subscribers_local_hour_and_never_repeats_a_paper()
    {
        site.StartNextMorning();
        var start = site.Clock.GetUtcNow();
        var subscriber = await site.AddActiveSubscriberAsync("local.hour@example.org", ["local hour topic"], nextDigestAt: start.AddDays(30));
        await using (var db = site.Database.CreateDbContext())
        {
            // 08:00 in Tokyo (UTC+9) is 23:00 UTC the day before.
            var row = await db.Subscribers.SingleAsync(s => s.Id == subscriber.Id, Ct);
            row.TimeZone = "Asia/Tokyo";
            row.SendHour = 8;
            row.NextDigestAt = row.Schedule().NextAfter(start);
            await db.SaveChangesAsync(Ct);
            Assert.Equal(23, row.NextDigestAt!.Value.UtcDateTime.Hour);
        }

        await site.AddPapersAsync(1, ("2611.30006", "Local hour topic one", "About the local hour topic.", 1), ("2611.30007", "Local hour topic two", "More on the local hour topic.", 1));
        site.Clock.SetUtcNow(new DateTimeOffset(start.UtcDateTime.Date.AddHours(22).AddMinutes(59), TimeSpan.Zero));
        await site.RunAsync();
        Assert.Empty(site.Smtp.MessagesTo("local.hour@example.org"));

        site.Clock.Advance(TimeSpan.FromMinutes(1));
        await site.RunAsync();
        var first = Assert.Single(site.Smtp.MessagesTo("local.hour@example.org"));

        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.RunAsync();
        var digests = site.Smtp.MessagesTo("local.hour@example.org");
        // The second day has nothing new for this subscriber: no mail rather than the same papers again.
        Assert.Single(digests);
        Assert.Contains("Local hour topic", first.TextBody, StringComparison.Ordinal);
    }

    private async Task<DigestQueueCounts> QueueAsync(DateTimeOffset now)
    {
        await using var scope = site.Worker.CreateAsyncScope();
        var links = scope.ServiceProvider.GetRequiredService<SubscriptionLinks>();
        return await scope.ServiceProvider.GetRequiredService<DueDigests>().QueueAsync(now, links.PaperUrl, Ct);
    }
}
