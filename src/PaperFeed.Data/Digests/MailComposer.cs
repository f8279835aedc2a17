using System.Globalization;
using Microsoft.Extensions.Options;
using PaperFeed.Core.Digests;

namespace PaperFeed.Data.Digests;

/// <summary>Turns a subscriber and what to tell them into an outbox row: rendered parts, recipient, Message-ID.</summary>
public sealed class MailComposer(SubscriptionLinks links, IOptions<PublicSiteOptions> site, IOptions<DigestOptions> options)
{
    private string Domain => new Uri(site.Value.PublicBaseUrl).Host;

    public async Task<OutboxMail> ConfirmationAsync(Subscriber subscriber, DateTimeOffset now, CancellationToken ct)
    {
        var url = await links.ConfirmUrlAsync(subscriber, now, ct);
        return OneOff(subscriber, ConfirmationMail.Confirm(url, options.Value.ConfirmationLinkLifetime), "confirm", now);
    }

    public async Task<OutboxMail> AlreadySubscribedAsync(Subscriber subscriber, DateTimeOffset now, CancellationToken ct)
    {
        var mailLinks = await links.MailLinksAsync(subscriber.Id, ct);
        return OneOff(subscriber, ConfirmationMail.AlreadySubscribed(mailLinks.Manage), "notice", now);
    }

    /// <summary>
    /// A digest. Its Message-ID is made of the subscriber and the period only, so every composition of the same
    /// digest carries the same one: a receiving server or client that saw it once can tell a copy.
    /// </summary>
    public OutboxMail Digest(Subscriber subscriber, DigestSlot slot, DigestContent content, MailLinks mailLinks, DateTimeOffset now)
    {
        var rendered = Render(content, mailLinks);
        return new OutboxMail
        {
            SubscriberId = subscriber.Id,
            Kind = MailKind.Digest,
            DedupeKey = slot.PeriodKey,
            MessageId = DigestMessageId(subscriber.Id, slot.PeriodKey),
            Recipient = subscriber.Email,
            Subject = rendered.Subject,
            TextBody = rendered.TextBody,
            HtmlBody = rendered.HtmlBody,
            UnsubscribeUrl = mailLinks.Unsubscribe,
            Status = MailStatus.Queued,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    public static RenderedMail Render(DigestContent content, MailLinks mailLinks) =>
        new(DigestMailSubject.For(content), DigestMailText.Render(content, mailLinks), DigestMailHtml.Render(content, mailLinks));

    public string DigestMessageId(long subscriberId, string periodKey) =>
        string.Create(CultureInfo.InvariantCulture, $"digest.{subscriberId}.{periodKey.Replace(':', '.')}@{Domain}");

    private OutboxMail OneOff(Subscriber subscriber, RenderedMail rendered, string kind, DateTimeOffset now)
    {
        var unique = Guid.NewGuid().ToString("N");
        return new OutboxMail
        {
            SubscriberId = subscriber.Id,
            Kind = MailKind.Confirmation,
            DedupeKey = $"{kind}:{unique}",
            MessageId = string.Create(CultureInfo.InvariantCulture, $"{kind}.{subscriber.Id}.{unique}@{Domain}"),
            Recipient = subscriber.Email,
            Subject = rendered.Subject,
            TextBody = rendered.TextBody,
            HtmlBody = rendered.HtmlBody,
            Status = MailStatus.Queued,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }
}
