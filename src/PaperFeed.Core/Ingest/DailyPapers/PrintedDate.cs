using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.DailyPapers;

/// <summary>
/// A date as the daily-papers page prints it: "Oct 19, 2023", or "May 20" without a year for dates of the
/// current year; "Published on" or a weekday may come first. Upvotes may follow on the same line
/// ("Oct 19, 2023 1" is one upvote).
/// </summary>
internal readonly partial record struct PrintedDate(int Month, int Day, int? Year)
{
    private static readonly FrozenDictionary<string, int> Months = MonthNumbers();

    /// <summary>Reads a line that is only a date, optionally followed by an upvote count.</summary>
    public static bool TryParse(string line, out PrintedDate date, out int? upvotes)
    {
        date = default;
        upvotes = null;
        Match match = DateLine().Match(line);
        if (!match.Success || !Months.TryGetValue(match.Groups["month"].Value, out var month))
        {
            return false;
        }

        var day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) : null;
        upvotes = match.Groups["upvotes"].Success ? int.Parse(match.Groups["upvotes"].ValueSpan, CultureInfo.InvariantCulture) : null;
        date = new PrintedDate(month, day, year);
        return true;
    }

    /// <summary>
    /// The calendar date: the printed year, or for a date printed without one, the latest such date not after
    /// <paramref name="latest"/> (the page's own date, or for the page date the day of the ingest). Null for a
    /// date that does not exist, such as Feb 30.
    /// </summary>
    public DateOnly? Resolve(DateOnly latest)
    {
        if (Year is { } year)
        {
            return Create(year, Month, Day);
        }

        // Eight years back always reaches a February 29 (leap years are at most eight years apart).
        for (var candidateYear = latest.Year; candidateYear >= latest.Year - 8; candidateYear--)
        {
            if (Create(candidateYear, Month, Day) is { } candidate && candidate <= latest)
            {
                return candidate;
            }
        }

        return null;
    }

    // "Dec", "December" and "Sept", in any case.
    private static FrozenDictionary<string, int> MonthNumbers()
    {
        DateTimeFormatInfo names = DateTimeFormatInfo.InvariantInfo;
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Sept"] = 9 };
        for (var month = 1; month <= 12; month++)
        {
            months[names.GetAbbreviatedMonthName(month)] = month;
            months[names.GetMonthName(month)] = month;
        }

        return months.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static DateOnly? Create(int year, int month, int day) =>
        year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month) && day >= 1 ? new DateOnly(year, month, day) : null;

    [GeneratedRegex(
        @"^(?:(?:Published|Submitted) on\s+)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?<month>[A-Za-z]{3,9})\.?\s+(?<day>[0-9]{1,2})(?:,\s*(?<year>[0-9]{4}))?(?:\s+(?<upvotes>[0-9]{1,7}))?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();
}
