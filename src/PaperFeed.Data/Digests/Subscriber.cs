using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaperFeed.Core.Digests;

namespace PaperFeed.Data.Digests;

public enum SubscriberStatus
{
    /// <summary>Asked to subscribe; gets nothing but confirmation mails until the link is opened (double opt-in).</summary>
    Pending,
    Active,
    Unsubscribed,

    /// <summary>Mail to the address kept failing permanently (<c>Digests:SuspendAfterFailures</c>); no more digests.</summary>
    Suspended,
}

/// <summary>One address that subscribed to digests, with its preferences and where its schedule stands.</summary>
public sealed class Subscriber
{
    public long Id { get; set; }

    /// <summary>The address as given (trimmed).</summary>
    public required string Email { get; set; }

    /// <summary>The address in lower case: one subscriber per address, whatever its case.</summary>
    public required string EmailKey { get; set; }

    public SubscriberStatus Status { get; set; }

    public DigestFrequency Frequency { get; set; }

    /// <summary>Local hour (0-23) in <see cref="TimeZone"/> at which digests fall due.</summary>
    public int SendHour { get; set; }

    /// <summary>IANA time zone id, such as Europe/Berlin.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Free-text topics or saved searches, each run through hybrid search.</summary>
    public List<string> Interests { get; set; } = [];

    /// <summary>Followed papers: their similar papers are picked.</summary>
    public List<string> Papers { get; set; } = [];

    /// <summary>arXiv categories to keep to (empty: all).</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Changes with each new subscription after an unsubscribe: older confirmation links stop working.</summary>
    public int Stamp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? UnsubscribedAt { get; set; }

    public DateTimeOffset? SuspendedAt { get; set; }

    /// <summary>When the next digest falls due; set while active, advanced each time one is queued.</summary>
    public DateTimeOffset? NextDigestAt { get; set; }

    /// <summary>Permanent delivery failures in a row; reset by a delivered mail.</summary>
    public int ConsecutiveFailures { get; set; }

    public DigestSchedule Schedule() => new(Frequency, SendHour, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
}

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> subscriber)
    {
        subscriber.ToTable("subscribers", t => t.HasCheckConstraint("ck_subscribers_send_hour", "send_hour BETWEEN 0 AND 23"));
        subscriber.HasKey(s => s.Id);
        subscriber.Property(s => s.Email).HasMaxLength(254);
        subscriber.Property(s => s.EmailKey).HasMaxLength(254);
        subscriber.HasIndex(s => s.EmailKey).IsUnique();
        subscriber.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        subscriber.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(16);
        subscriber.Property(s => s.TimeZone).HasMaxLength(64);
        subscriber.Property(s => s.CreatedAt).HasDefaultValueSql("now()");
        // The scheduler's question, "who is due?", reads this index only.
        subscriber.HasIndex(s => s.NextDigestAt).HasFilter("status = 'Active'");
    }
}
