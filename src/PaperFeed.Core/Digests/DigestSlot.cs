using System.Globalization;

namespace PaperFeed.Core.Digests;

/// <summary>
/// One scheduled digest of one subscriber: the moment it is due (<see cref="DueAt"/>, UTC), the papers' window
/// (<see cref="From"/> to <see cref="DueAt"/>), and the period's key, unique per subscriber ("daily:2026-11-23",
/// "weekly:2026-11-23" named by the Monday), so that queueing the same period twice finds the first digest.
/// </summary>
public sealed record DigestSlot(DateTimeOffset DueAt, DateTimeOffset From, string PeriodKey)
{
    public static string KeyOf(DigestFrequency frequency, DateOnly localDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{(frequency == DigestFrequency.Daily ? "daily" : "weekly")}:{localDay:yyyy-MM-dd}");
}
