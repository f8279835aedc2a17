using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Digests;

namespace PaperFeed.Data.Digests;

/// <summary>A digest as it would be if it were sent now: the preview page, the API and <c>digest preview EMAIL</c>.</summary>
public sealed class DigestPreview(PaperFeedDbContext db, DigestComposer composer, SubscriptionLinks links, TimeProvider clock)
{
    /// <summary>A subscriber's next digest over the period ending now, leaving out what they were sent before.</summary>
    public async Task<(DigestContent Content, RenderedMail Mail)> OfSubscriberAsync(Subscriber subscriber, CancellationToken ct)
    {
        var sent = await db.DigestPapers.AsNoTracking().Where(p => p.SubscriberId == subscriber.Id).Select(p => p.PaperId).ToListAsync(ct);
        var content = await composer.ComposeAsync(subscriber, SlotEndingNow(subscriber.Frequency), sent.ToHashSet(StringComparer.Ordinal), links.PaperUrl, ct);
        return (content, MailComposer.Render(content, await links.MailLinksAsync(subscriber.Id, ct)));
    }

    /// <summary>What someone with these preferences would get, before subscribing; the mail's links lead to the subscribe page.</summary>
    public async Task<(DigestContent Content, RenderedMail Mail)> OfPreferencesAsync(DigestPreferences preferences, CancellationToken ct)
    {
        var visitor = new Subscriber
        {
            Email = "preview@invalid",
            EmailKey = "preview@invalid",
            TimeZone = preferences.TimeZone,
            Frequency = preferences.Frequency,
            SendHour = preferences.SendHour,
            Interests = [.. preferences.Interests],
            Papers = [.. preferences.Papers],
            Categories = [.. preferences.Categories],
        };
        var content = await composer.ComposeAsync(visitor, SlotEndingNow(preferences.Frequency), new HashSet<string>(), links.PaperUrl, ct);
        var subscribe = links.SiteUrl + "subscribe";
        return (content, MailComposer.Render(content, new MailLinks(links.SiteUrl, subscribe, subscribe)));
    }

    public async Task<Subscriber?> FindByAddressAsync(string addressKey, CancellationToken ct) =>
        await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.EmailKey == addressKey, ct);

    private DigestSlot SlotEndingNow(DigestFrequency frequency)
    {
        var now = clock.GetUtcNow();
        return new DigestSlot(now, now - (frequency == DigestFrequency.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7)), "preview");
    }
}
