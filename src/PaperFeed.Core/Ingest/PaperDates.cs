using System.Globalization;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest;

/// <summary>
/// Dates as <see cref="PaperRecord.PublishedAt"/> holds them: the start of a day, or of a month, at midnight
/// UTC, with <see cref="PaperRecord.DatePrecision"/> saying which.
/// </summary>
internal static class PaperDates
{
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// The UTC day of a timestamp such as RFC 3339's <c>2025-02-11T17:23:52Z</c>. Any offset (the 2016 arXiv API
    /// wrote <c>-04:00</c>) is turned to UTC before the day is taken; a timestamp without one is taken as UTC.
    /// </summary>
    public static bool TryReadUtcDay(string? text, out DateTimeOffset day)
    {
        day = default;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset instant))
        {
            return false;
        }

        day = new DateTimeOffset(instant.UtcDateTime.Date, TimeSpan.Zero);
        return true;
    }

    /// <summary>
    /// The month a paper was first submitted, which its arXiv id encodes (<c>2503.11731</c>: March 2025,
    /// <c>hep-th/9901001</c>: January 1999; https://info.arxiv.org/help/arxiv_identifier.html), for sources that
    /// give no day.
    /// </summary>
    public static DateTimeOffset SubmissionMonth(ArxivId id)
    {
        var digits = id.IsOldStyle ? id.Id[(id.Id.IndexOf('/', StringComparison.Ordinal) + 1)..] : id.Id;
        var yy = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);

        // Old-style ids run from 1991 to 2007, new-style ones from 2007 on.
        var year = yy >= 91 ? 1900 + yy : 2000 + yy;
        return new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
