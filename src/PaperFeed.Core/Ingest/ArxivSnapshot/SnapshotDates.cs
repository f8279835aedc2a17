using System.Buffers.Text;
using System.Text;

namespace PaperFeed.Core.Ingest.ArxivSnapshot;

/// <summary>The snapshot's dates: the timestamps of <c>versions</c>.</summary>
internal static class SnapshotDates
{
    private static readonly byte[][] MonthNames =
        [.. "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".Split(' ').Select(Encoding.ASCII.GetBytes)];

    /// <summary>
    /// The day of a version's <c>created</c> timestamp, "Mon, 2 Apr 2007 19:18:42 GMT" (always GMT in the
    /// snapshot, so the printed day is the UTC day). Read from the bytes without allocating; the weekday is not
    /// checked. Null when the text is not such a timestamp.
    /// </summary>
    public static DateOnly? ParseCreated(ReadOnlySpan<byte> text)
    {
        var comma = text.IndexOf((byte)',');
        var rest = (comma >= 0 ? text[(comma + 1)..] : text).TrimStart((byte)' ');
        if (!Utf8Parser.TryParse(rest, out int day, out var dayLength) || rest.Length < dayLength + 9)
        {
            return null;
        }

        var month = MonthNumber(rest.Slice(dayLength + 1, 3));
        var yearText = rest.Slice(dayLength + 5);
        if (rest[dayLength] != ' ' || rest[dayLength + 4] != ' ' || month == 0
            || !Utf8Parser.TryParse(yearText, out int year, out var yearLength) || yearLength != 4
            || (yearText.Length > 4 && yearText[4] != ' '))
        {
            return null;
        }

        return year >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static int MonthNumber(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (name.SequenceEqual(MonthNames[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
