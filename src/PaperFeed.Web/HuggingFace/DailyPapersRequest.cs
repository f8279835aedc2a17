using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using PaperFeed.Data.HuggingFace;

namespace PaperFeed.Web.HuggingFace;

public enum DailyPapersSort
{
    /// <summary><c>publishedAt</c>: the daily lists of a day, week or month (the latest day by default).</summary>
    PublishedAt,

    /// <summary><c>trending</c>: a rolling ranking over all papers that ignores <c>date</c>, <c>week</c> and <c>month</c>.</summary>
    Trending,
}

/// <summary>
/// The query of <c>GET /api/daily_papers</c>, checked as huggingface.co checks it (HF-PAPERS-API.md): an impossible
/// date, week 53 and <c>limit=101</c> are refused, not answered with an empty list.
/// </summary>
/// <param name="Days">The days asked for; null for the latest day that has a list.</param>
/// <param name="Page">Page number, from 0.</param>
/// <param name="Limit">Entries per page.</param>
/// <param name="Submitter">Only entries this user submitted; null for all.</param>
public sealed partial record DailyPapersRequest(DailyListDays? Days, int Page, int Limit, DailyPapersSort Sort, string? Submitter)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>Entries before this page.</summary>
    public long Offset => (long)Page * Limit;

    public static bool TryParse(
        string? date, string? week, string? month, string? limit, string? p, string? sort, string? submitter,
        [NotNullWhen(true)] out DailyPapersRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        var daysError = Check(date, week, month, out DailyListDays? days);
        var limitError = CheckLimit(limit, out var pageSize);
        var pageError = CheckPage(p, out var page);
        var sortError = CheckSort(sort, out DailyPapersSort order);
        error = daysError ?? limitError ?? pageError ?? sortError;
        if (error is null)
        {
            request = new DailyPapersRequest(days, page, pageSize, order, string.IsNullOrEmpty(submitter) ? null : submitter);
        }

        return error is null;
    }

    private static string? Check(string? date, string? week, string? month, out DailyListDays? days)
    {
        days = null;
        if (new[] { date, week, month }.Count(value => value is not null) > 1)
        {
            return "Give at most one of date, week and month.";
        }

        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return $"date must be a calendar day written YYYY-MM-DD, such as 2025-03-20; got '{Shown(date)}'.";
            }

            days = DailyListDays.OfDay(day);
        }
        else if (week is not null)
        {
            // Hugging Face's pattern stops at W52: W53, though ISO 8601 has it in some years, is refused.
            Match match = IsoWeek().Match(week);
            if (!match.Success || int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) is 0)
            {
                return $"week must be an ISO week written YYYY-Www with ww from 01 to 52, such as 2025-W09; got '{Shown(week)}'.";
            }

            days = DailyListDays.OfIsoWeek(
                int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["week"].ValueSpan, CultureInfo.InvariantCulture));
        }
        else if (month is not null)
        {
            if (month.Length != "yyyy-MM".Length
                || !DateOnly.TryParseExact($"{month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                return $"month must be written YYYY-MM, such as 2025-02; got '{Shown(month)}'.";
            }

            days = DailyListDays.OfMonth(first.Year, first.Month);
        }

        return null;
    }

    private static string? CheckLimit(string? limit, out int pageSize)
    {
        pageSize = DefaultLimit;
        return limit is null || (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= MaxLimit)
            ? null
            : $"limit must be a whole number from 1 to {MaxLimit}; got '{Shown(limit)}'.";
    }

    private static string? CheckPage(string? p, out int page)
    {
        page = 0;
        return p is null || int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page)
            ? null
            : $"p (the page number, counted from 0) must be a whole number from 0 to {int.MaxValue}; got '{Shown(p)}'.";
    }

    private static string? CheckSort(string? sort, out DailyPapersSort order)
    {
        order = DailyPapersSort.PublishedAt;
        switch (sort)
        {
            case null or "publishedAt":
                return null;
            case "trending":
                order = DailyPapersSort.Trending;
                return null;
            default:
                return $"sort must be publishedAt or trending; got '{Shown(sort)}'.";
        }
    }

    // Echoes enough of a bad value to recognise it, never a whole pasted document.
    private static string Shown(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^(?<year>[0-9]{4})-W(?<week>0[1-9]|[1-4][0-9]|5[0-2])\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWeek();
}
