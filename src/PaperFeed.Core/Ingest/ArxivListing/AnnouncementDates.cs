using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.ArxivListing;

/// <summary>The day of an announcement, as a listing item prints it.</summary>
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

    [GeneratedRegex(@"^(?:[A-Za-z]{3},\s*)?(?<day>[0-9]{1,2})\s+(?<month>[A-Za-z]{3})\s+(?<year>[0-9]{4})(?:\s|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Date();
}
