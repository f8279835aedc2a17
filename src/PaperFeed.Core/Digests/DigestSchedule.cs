namespace PaperFeed.Core.Digests;

/// <summary>
/// When a subscriber's digests fall due: at <see cref="SendHour"/>:00 local time in <see cref="TimeZone"/>, every
/// day or every Monday. Local times are turned into instants with the zone's rules of that day, so the hour stays
/// the same local hour across daylight-saving changes: an hour skipped in spring sends at the first valid moment
/// after the gap, an hour repeated in autumn sends at its first occurrence (once).
/// </summary>
public sealed record DigestSchedule(DigestFrequency Frequency, int SendHour, TimeZoneInfo TimeZone)
{
    /// <summary>The first due moment strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        var day = LocalDay(after);
        for (var i = 0; i < 9; i++, day = day.AddDays(1))
        {
            if (IsSendDay(day) && ToInstant(day) > after)
            {
                return ToInstant(day);
            }
        }

        throw new InvalidOperationException("No send day within nine days: unreachable for daily and weekly schedules.");
    }

    /// <summary>The latest slot due at or before <paramref name="now"/>: the digest to send when a subscriber is due.</summary>
    public DigestSlot LatestAtOrBefore(DateTimeOffset now)
    {
        var day = LocalDay(now);
        while (!IsSendDay(day) || ToInstant(day) > now)
        {
            day = day.AddDays(-1);
        }

        return SlotOn(day);
    }

    /// <summary>The slot of one local send day; its window goes back one period (a day or a week of local days).</summary>
    public DigestSlot SlotOn(DateOnly localDay)
    {
        var due = ToInstant(localDay);
        var from = ToInstant(localDay.AddDays(Frequency == DigestFrequency.Daily ? -1 : -7));
        return new DigestSlot(due, from, DigestSlot.KeyOf(Frequency, localDay));
    }

    private bool IsSendDay(DateOnly day) => Frequency == DigestFrequency.Daily || day.DayOfWeek == DayOfWeek.Monday;

    private DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    private DateTimeOffset ToInstant(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(SendHour, 0));
        // A skipped hour (spring forward): the first valid local moment after it, found in quarter hours
        // because some zones shift by 30 minutes.
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // A repeated hour (autumn): the first of its two occurrences, which has the larger UTC offset.
        var offset = TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).Max()
            : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
