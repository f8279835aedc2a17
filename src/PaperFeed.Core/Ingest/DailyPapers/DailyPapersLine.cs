using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.DailyPapers;

internal enum DailyPapersLineKind
{
    /// <summary>A title or an abstract; which one depends on its place.</summary>
    Text,

    /// <summary>"Oct 19, 2023 1": a paper's date, or the page's own before the first paper.</summary>
    Date,

    /// <summary>"• 3 authors": the page shows a count, not the names.</summary>
    AuthorCount,

    /// <summary>A number alone on its line, which layouts other than the samples use for upvotes.</summary>
    Upvotes,

    /// <summary>Page furniture carrying nothing for a record: the "·" separator, "Submitted by …", the header.</summary>
    Furniture,
}

/// <summary>One non-blank line of a copied daily-papers page, trimmed and classified.</summary>
internal readonly partial record struct DailyPapersLine(DailyPapersLineKind Kind, string Text, PrintedDate Date = default, int? Number = null)
{
    // Metadata lines are short; anything longer is text, without running the patterns over a long abstract.
    private const int LongestMetadataLine = 80;

    /// <summary>Lines of the page's header, which can also reappear when two copies of the page are pasted together.</summary>
    public static readonly FrozenSet<string> HeaderLines = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "new",
        "Get trending papers in your email inbox!",
        "Subscribe",
        "Daily Papers",
        "byAK and the research community");

    public static DailyPapersLine Classify(string trimmedLine)
    {
        var line = trimmedLine;
        if (line.Length > LongestMetadataLine)
        {
            return new(DailyPapersLineKind.Text, line);
        }

        if (PrintedDate.TryParse(line, out PrintedDate date, out var upvotes))
        {
            return new(DailyPapersLineKind.Date, line, date, upvotes);
        }

        if (AuthorCountLine().Match(line) is { Success: true } authors)
        {
            return new(DailyPapersLineKind.AuthorCount, line, Number: ParseNumber(authors.Groups["count"].Value));
        }

        if (UpvotesLine().IsMatch(line))
        {
            return new(DailyPapersLineKind.Upvotes, line, Number: ParseNumber(line));
        }

        var furniture = HeaderLines.Contains(line) || FurnitureLine().IsMatch(line);
        return new(furniture ? DailyPapersLineKind.Furniture : DailyPapersLineKind.Text, line);
    }

    /// <summary>
    /// The parts of a metadata block run together on one line ("• 3 authors · Oct 19, 2023 1"), as some
    /// copies of the page have it; null unless every part is metadata, so a title with a "·" stays a title.
    /// </summary>
    public static DailyPapersLine[]? SplitJoinedMetadata(string trimmedLine)
    {
        if (trimmedLine.Length > 2 * LongestMetadataLine || !trimmedLine.Contains('·', StringComparison.Ordinal))
        {
            return null;
        }

        DailyPapersLine[] parts = [.. trimmedLine.Split('·', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Classify)];
        return parts.Length > 0 && parts.All(part => part.Kind != DailyPapersLineKind.Text) ? parts : null;
    }

    private static int ParseNumber(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[•·*-]?\s*(?<count>[0-9]{1,5})\s+authors?\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorCountLine();

    [GeneratedRegex(@"^[0-9]{1,7}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UpvotesLine();

    // "•" alone is not among them: on the page it only starts "• 3 authors", so alone it is that line cut short.
    [GeneratedRegex(@"^(?:[·|]+|Submitted by\s.*|[0-9]{1,7}\s+comments?)\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureLine();
}
