using System.Globalization;

namespace PaperFeed.Data.HuggingFace;

/// <summary>
/// The days a Daily Papers request covers, both inclusive. PaperFeed has no submission day of its own: a paper is
/// on the daily list of its UTC publication day, so a range of days is a range of publication days.
/// </summary>
public readonly record struct DailyListDays(DateOnly First, DateOnly Last)
{
    public static DailyListDays OfDay(DateOnly day) => new(day, day);

    /// <summary>Monday to Sunday of an ISO 8601 week, as Hugging Face's <c>week=2025-W44</c> lists.</summary>
    public static DailyListDays OfIsoWeek(int year, int week)
    {
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new(monday, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Sunday)));
    }

    public static DailyListDays OfMonth(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(first, new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
    }

    /// <summary>The first instant of <see cref="First"/> (UTC).</summary>
    public DateTimeOffset Start => new(First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after <see cref="Last"/> (UTC); null when the range runs to the end of the calendar.</summary>
    public DateTimeOffset? End => Last == DateOnly.MaxValue ? null : new(Last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
