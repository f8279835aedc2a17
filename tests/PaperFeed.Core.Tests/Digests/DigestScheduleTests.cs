using PaperFeed.Core.Digests;

namespace PaperFeed.Core.Tests.Digests;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Daily_digest_falls_due_at_the_local_hour_the_same_day_or_the_next()
    {
        var schedule = new DigestSchedule(DigestFrequency.Daily, 7, Berlin);

        // 05:59 UTC in November is 06:59 in Berlin (UTC+1): due at 07:00 local = 06:00 UTC.
        Assert.Equal(Utc(11, 23, 6), schedule.NextAfter(Utc(11, 23, 5, 59)));
        Assert.Equal(Utc(11, 24, 6), schedule.NextAfter(Utc(11, 23, 6)));
    }

    [Fact]
    public void Local_hour_holds_across_the_spring_and_autumn_changes()
    {
        var schedule = new DigestSchedule(DigestFrequency.Daily, 7, Berlin);

        // Berlin moves to UTC+2 on 29 March 2026 and back to UTC+1 on 25 October 2026.
        Assert.Equal(Utc(3, 28, 6), schedule.NextAfter(Utc(3, 27, 12)));
        Assert.Equal(Utc(3, 29, 5), schedule.NextAfter(Utc(3, 28, 12)));
        Assert.Equal(Utc(10, 24, 5), schedule.NextAfter(Utc(10, 23, 12)));
        Assert.Equal(Utc(10, 25, 6), schedule.NextAfter(Utc(10, 24, 12)));
    }

    [Fact]
    public void An_hour_skipped_in_spring_sends_when_the_gap_ends()
    {
        // New York skips 02:00-03:00 on 8 March 2026: 02:00 local does not exist; 03:00 EDT = 07:00 UTC.
        var schedule = new DigestSchedule(DigestFrequency.Daily, 2, NewYork);

        Assert.Equal(Utc(3, 8, 7), schedule.NextAfter(Utc(3, 7, 12)));
        Assert.Equal(Utc(3, 9, 6), schedule.NextAfter(Utc(3, 8, 7)));
    }

    [Fact]
    public void An_hour_repeated_in_autumn_sends_once_at_its_first_occurrence()
    {
        // New York repeats 01:00-02:00 on 1 November 2026: first 01:00 EDT (05:00 UTC), then 01:00 EST (06:00 UTC).
        var schedule = new DigestSchedule(DigestFrequency.Daily, 1, NewYork);

        var due = schedule.NextAfter(Utc(10, 31, 12));
        Assert.Equal(Utc(11, 1, 5), due);
        Assert.Equal(Utc(11, 2, 6), schedule.NextAfter(due));
        Assert.Equal(Utc(11, 2, 6), schedule.NextAfter(Utc(11, 1, 6)));
    }

    [Fact]
    public void Weekly_digest_falls_due_on_mondays()
    {
        var schedule = new DigestSchedule(DigestFrequency.Weekly, 9, TimeZoneInfo.Utc);

        // 23 November 2026 is a Monday.
        Assert.Equal(Utc(11, 23, 9), schedule.NextAfter(Utc(11, 20, 12)));
        Assert.Equal(Utc(11, 30, 9), schedule.NextAfter(Utc(11, 23, 9)));
        Assert.Equal(DayOfWeek.Monday, schedule.NextAfter(Utc(12, 1, 0)).DayOfWeek);
    }

    [Fact]
    public void Latest_slot_is_the_one_a_late_worker_sends_with_its_window_and_period_key()
    {
        var daily = new DigestSchedule(DigestFrequency.Daily, 7, Berlin);
        var slot = daily.LatestAtOrBefore(Utc(11, 25, 18));

        Assert.Equal(Utc(11, 25, 6), slot.DueAt);
        Assert.Equal(Utc(11, 24, 6), slot.From);
        Assert.Equal("daily:2026-11-25", slot.PeriodKey);

        var weekly = new DigestSchedule(DigestFrequency.Weekly, 7, Berlin).LatestAtOrBefore(Utc(11, 25, 18));
        Assert.Equal("weekly:2026-11-23", weekly.PeriodKey);
        Assert.Equal(TimeSpan.FromDays(7), weekly.DueAt - weekly.From);
    }

    [Fact]
    public void Latest_slot_at_the_due_moment_is_that_slot()
    {
        var schedule = new DigestSchedule(DigestFrequency.Daily, 0, TimeZoneInfo.Utc);
        Assert.Equal("daily:2026-11-23", schedule.LatestAtOrBefore(Utc(11, 23, 0)).PeriodKey);
        Assert.Equal("daily:2026-11-22", schedule.LatestAtOrBefore(Utc(11, 22, 23, 59)).PeriodKey);
    }
}
