using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperFeed.Core.FeedPeriods;

/// <summary>
/// Reads the query values of the feed's periods strictly: <c>YYYY-MM-DD</c>, <c>YYYY-Www</c> (ISO 8601; week 53
/// only in the years that have one) and <c>YYYY-MM</c>, within <see cref="FeedPeriod.MinDay"/> and
/// <see cref="FeedPeriod.MaxDay"/>. A failure comes with a sentence saying what was expected.
/// </summary>
public static partial class FeedPeriodParser
{
    /// <summary>A period of the given kind: a day (YYYY-MM-DD), an ISO week (YYYY-Www) or a month (YYYY-MM).</summary>
    public static bool TryParse(FeedPeriodKind kind, string text, out FeedPeriod period, [NotNullWhen(false)] out string? error) => kind switch
    {
        FeedPeriodKind.Day => TryParseDay(text, out period, out error),
        FeedPeriodKind.Week => TryParseWeek(text, out period, out error),
        _ => TryParseMonth(text, out period, out error),
    };

    public static bool TryParseDay(string text, out FeedPeriod period, [NotNullWhen(false)] out string? error)
    {
        period = default;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            error = $"date must be a day written YYYY-MM-DD, such as 2025-03-04; '{Shown(text)}' is not.";
            return false;
        }

        return TryInRange(FeedPeriod.Containing(FeedPeriodKind.Day, day), "date", out period, out error);
    }

    public static bool TryParseWeek(string text, out FeedPeriod period, [NotNullWhen(false)] out string? error)
    {
        period = default;
        var match = WeekPattern().Match(text);
        if (!match.Success)
        {
            error = $"week must be an ISO 8601 week written YYYY-Www, such as 2025-W10; '{Shown(text)}' is not.";
            return false;
        }

        var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        var week = int.Parse(match.Groups["week"].ValueSpan, CultureInfo.InvariantCulture);
        if (year < FeedPeriod.MinDay.Year || year > FeedPeriod.MaxDay.Year)
        {
            error = $"week must be within the years {FeedPeriod.MinDay.Year} to {FeedPeriod.MaxDay.Year}.";
            return false;
        }

        var weeks = ISOWeek.GetWeeksInYear(year);
        if (week < 1 || week > weeks)
        {
            error = $"week {week:D2} does not exist in {year}: that ISO year has weeks W01 to W{weeks:D2}.";
            return false;
        }

        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return TryInRange(FeedPeriod.Containing(FeedPeriodKind.Week, monday), "week", out period, out error);
    }

    public static bool TryParseMonth(string text, out FeedPeriod period, [NotNullWhen(false)] out string? error)
    {
        period = default;
        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            error = $"month must be written YYYY-MM, such as 2025-03; '{Shown(text)}' is not.";
            return false;
        }

        return TryInRange(FeedPeriod.Containing(FeedPeriodKind.Month, first), "month", out period, out error);
    }

    private static bool TryInRange(FeedPeriod candidate, string name, out FeedPeriod period, [NotNullWhen(false)] out string? error)
    {
        period = default;
        if (candidate.Start < FeedPeriod.MinDay || candidate.Start > FeedPeriod.MaxDay)
        {
            error = $"{name} must be between {FeedPeriod.MinDay:yyyy-MM-dd} and {FeedPeriod.MaxDay:yyyy-MM-dd}.";
            return false;
        }

        period = candidate;
        error = null;
        return true;
    }

    // Echo a bounded, single-line excerpt of bad input: the detail goes back to the client and into logs.
    private static string Shown(string text) =>
        new string(text.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    [GeneratedRegex(@"^(?<year>[0-9]{4})-W(?<week>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekPattern();
}
