using System.Globalization;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.FeedPeriods;

public enum FeedPeriodKind
{
    Day,
    Week,
    Month,
}

/// <summary>
/// A UTC day, an ISO 8601 week (Monday to Sunday, numbered within its ISO week-year) or a calendar month: the
/// span of publication dates one feed page covers, written as its query value (<c>2025-03-04</c>,
/// <c>2025-W10</c>, <c>2025-03</c>).
/// </summary>
/// <remarks>
/// A paper whose source knew only the month (or year) of publication is stored at the first day of it. That day
/// is a placeholder, not the paper's day: such papers belong to the month feed (month precision) and to no day or
/// week feed; year-precision papers belong to no period feed at all (there is no year feed).
/// </remarks>
public readonly record struct FeedPeriod
{
    public static readonly DateOnly MinDay = new(1900, 1, 1);
    public static readonly DateOnly MaxDay = new(2999, 12, 31);

    private FeedPeriod(FeedPeriodKind kind, DateOnly start)
    {
        Kind = kind;
        Start = start;
    }

    public FeedPeriodKind Kind { get; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start { get; }

    /// <summary>The day after the period's last day (exclusive bound).</summary>
    public DateOnly End => Kind switch
    {
        FeedPeriodKind.Day => Start.AddDays(1),
        FeedPeriodKind.Week => Start.AddDays(7),
        _ => Start.AddMonths(1),
    };

    /// <summary>Midnight UTC at the start of the period (inclusive).</summary>
    public DateTimeOffset StartsAt => Midnight(Start);

    /// <summary>Midnight UTC after the period (exclusive).</summary>
    public DateTimeOffset EndsAt => Midnight(End);

    /// <summary>The period as its query parameter writes it.</summary>
    public string Key => Kind switch
    {
        FeedPeriodKind.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FeedPeriodKind.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}"),
        _ => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    /// <summary>The precisions of publication date whose papers this period lists (see the remarks).</summary>
    public bool Lists(DatePrecision precision) =>
        precision == DatePrecision.Day || (Kind == FeedPeriodKind.Month && precision == DatePrecision.Month);

    /// <summary>The period of the given kind that contains <paramref name="day"/>.</summary>
    public static FeedPeriod Containing(FeedPeriodKind kind, DateOnly day) => kind switch
    {
        FeedPeriodKind.Day => new FeedPeriod(kind, day),
        // DayOfWeek counts from Sunday = 0; ISO weeks start on Monday.
        FeedPeriodKind.Week => new FeedPeriod(kind, day.AddDays(-(((int)day.DayOfWeek + 6) % 7))),
        _ => new FeedPeriod(kind, new DateOnly(day.Year, day.Month, 1)),
    };

    public static FeedPeriod Containing(FeedPeriodKind kind, DateTimeOffset instant) =>
        Containing(kind, DateOnly.FromDateTime(instant.UtcDateTime));

    public override string ToString() => Key;

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
