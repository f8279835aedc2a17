using System.Globalization;
using PaperFeed.Core.FeedPeriods;

namespace PaperFeed.Web.Feed;

/// <summary>The feed pages' URLs and headings for a day, week or month.</summary>
public static class FeedPeriodLinks
{
    /// <summary>The URL segment of a kind of period: date, week or month.</summary>
    public static string SegmentOf(FeedPeriodKind kind) => kind switch
    {
        FeedPeriodKind.Day => "date",
        FeedPeriodKind.Week => "week",
        _ => "month",
    };

    public static FeedPeriodKind? KindOf(string? segment) => segment switch
    {
        "date" or "day" => FeedPeriodKind.Day,
        "week" => FeedPeriodKind.Week,
        "month" => FeedPeriodKind.Month,
        _ => null,
    };

    public static string PathOf(FeedPeriod period) => $"/papers/{SegmentOf(period.Kind)}/{period.Key}";

    /// <summary>"Monday, May 13, 2024", "Week 20, 2024 (May 13 – May 19)" or "May 2024".</summary>
    public static string Heading(FeedPeriod period)
    {
        var start = period.Start.ToDateTime(TimeOnly.MinValue);
        return period.Kind switch
        {
            FeedPeriodKind.Day => start.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture),
            FeedPeriodKind.Week => string.Create(CultureInfo.InvariantCulture,
                $"Week {ISOWeek.GetWeekOfYear(start)}, {ISOWeek.GetYear(start)} ({start:MMM d} – {period.End.AddDays(-1).ToDateTime(TimeOnly.MinValue):MMM d})"),
            _ => start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A short name for previous/next links: "May 12", "Week 19", "April 2024".</summary>
    public static string ShortName(FeedPeriod period)
    {
        var start = period.Start.ToDateTime(TimeOnly.MinValue);
        return period.Kind switch
        {
            FeedPeriodKind.Day => start.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
            FeedPeriodKind.Week => string.Create(CultureInfo.InvariantCulture, $"Week {ISOWeek.GetWeekOfYear(start)}, {ISOWeek.GetYear(start)}"),
            _ => start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        };
    }
}
