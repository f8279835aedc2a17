using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaperFeed.Data.Digests;

public enum MailKind
{
    Confirmation,
    Digest,
}

public enum MailStatus
{
    Queued,

    /// <summary>Claimed by a sender and being handed to the SMTP server; never claimed again (at most once).</summary>
    Sending,
    Sent,

    /// <summary>Refused for good (5xx) or out of attempts.</summary>
    Failed,

    /// <summary>The sender stopped (crash, lost connection) after handing the mail over: it may or may not have gone out, and is not sent again.</summary>
    InDoubt,

    /// <summary>The subscriber unsubscribed before it went out.</summary>
    Cancelled,
}

/// <summary>
/// One mail in the outbox, fully rendered when queued, so that sending is only delivery. A digest is unique per
/// (subscriber, period) (<see cref="DedupeKey"/> is the period's key) and its <see cref="MessageId"/> is derived
/// from that key, so it stays the same however often the digest is composed or its delivery retried.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    public long SubscriberId { get; set; }

    public MailKind Kind { get; set; }

    public required string DedupeKey { get; set; }

    /// <summary>The Message-ID header's value, without angle brackets.</summary>
    public required string MessageId { get; set; }

    public required string Recipient { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    /// <summary>The RFC 8058 one-click unsubscribe URL (List-Unsubscribe), on digests.</summary>
    public string? UnsubscribeUrl { get; set; }

    public MailStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> mail)
    {
        mail.ToTable("mail_outbox");
        mail.HasKey(m => m.Id);
        mail.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        mail.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        mail.Property(m => m.DedupeKey).HasMaxLength(64);
        mail.Property(m => m.MessageId).HasMaxLength(255);
        mail.Property(m => m.Recipient).HasMaxLength(254);
        mail.Property(m => m.CreatedAt).HasDefaultValueSql("now()");
        // One digest per subscriber and period, however often the period is queued.
        mail.HasIndex(m => new { m.SubscriberId, m.DedupeKey }).IsUnique();
        mail.HasIndex(m => m.MessageId).IsUnique();
        // The senders' claim walks this index: queued mails by due time.
        mail.HasIndex(m => new { m.NextAttemptAt, m.Id }).HasFilter("status = 'Queued'");
        mail.HasOne<Subscriber>().WithMany().HasForeignKey(m => m.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}
