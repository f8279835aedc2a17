using System.Globalization;
using System.Text.RegularExpressions;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.ArxivListing;

/// <summary>The dates a listing item gives, or implies, for the paper it announces.</summary>
internal static partial class AnnouncementDates
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// The day of an announcement, as printed: RSS <c>pubDate</c> (RFC 822, <c>Thu, 28 Nov 2024 00:00:00 -0500</c>)
    /// or Atom <c>published</c> (RFC 3339). arXiv stamps it at midnight US Eastern time, so the printed date is the
    /// mailing's date; turning the instant to UTC first would give the same day only by the luck of the hour.
    /// </summary>
    public static bool TryReadDay(string? text, out DateTimeOffset day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (Rfc822Date().Match(trimmed) is { Success: true } rfc822)
        {
            var month = Array.FindIndex(MonthNames, name => name.Equals(rfc822.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
            var year = int.Parse(rfc822.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            var dayOfMonth = int.Parse(rfc822.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
            if (month == 0 || dayOfMonth > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            day = new DateTimeOffset(year, month, dayOfMonth, 0, 0, 0, TimeSpan.Zero);
            return true;
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset instant))
        {
            day = new DateTimeOffset(instant.DateTime.Date, TimeSpan.Zero);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The month a paper was first submitted, which its id encodes (<c>1401.3665</c>: January 2014,
    /// <c>hep-th/9901001</c>: January 1999; https://info.arxiv.org/help/arxiv_identifier.html), as the first
    /// of the month in UTC.
    /// </summary>
    public static DateTimeOffset SubmissionMonth(ArxivId id)
    {
        var yearMonth = id.IsOldStyle ? id.Id[(id.Id.IndexOf('/', StringComparison.Ordinal) + 1)..][..4] : id.Id[..4];
        var twoDigitYear = int.Parse(yearMonth.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(yearMonth.AsSpan(2, 2), CultureInfo.InvariantCulture);

        // Old-style ids began in 1991; new-style ids in 2007.
        var year = twoDigitYear >= 91 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
        return new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3},\s*)?(?<day>[0-9]{1,2})\s+(?<month>[A-Za-z]{3})\s+(?<year>[0-9]{4})(?:\s|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Date();
}
