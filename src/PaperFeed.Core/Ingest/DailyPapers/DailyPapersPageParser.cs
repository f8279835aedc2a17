using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.DailyPapers;

/// <summary>
/// Text copied from the Hugging Face "Daily Papers" web page (select all, copy, save): titles, abstracts,
/// author counts and dates, but no arXiv ids or author names. See <see cref="DailyPapersPageAssembler"/> for
/// the layout and the rules for incomplete copies.
/// </summary>
public sealed partial class DailyPapersPageParser : IPaperSourceParser
{
    public const string FormatName = "daily-papers-page";

    // Only so many lines are looked at when recognising the page by its shape.
    private const int LinesToInspect = 60;

    // Lines the page prints above the papers; any one of them is a strong enough sign.
    private static readonly string[] HeaderMarkers = ["Get trending papers in your email inbox", "AK and the research community"];

    public string Format => FormatName;

    public bool Recognizes(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var start = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.Length == 0 || start[0] is '{' or '[' or '<')
        {
            return false; // JSON, JSON lines, XML and HTML, even when they quote the page's header
        }

        string[] lines = [.. start.Split('\n').Take(LinesToInspect).Select(line => line.Trim())];
        return HeaderMarkers.Any(marker => start.Contains(marker, StringComparison.OrdinalIgnoreCase))
            || lines.Contains("Daily Papers", StringComparer.OrdinalIgnoreCase)
            || HasPageShape(lines);
    }

    public async IAsyncEnumerable<SourceEntry> ParseAsync(
        TextReader reader,
        ParseContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);

        var page = new DailyPapersPageAssembler(context);
        await foreach (SourceLine line in SourceLines.ReadAsync(reader, context.SourceName, cancellationToken))
        {
            if (page.Accept(line) is { } entry)
            {
                yield return entry;
            }
        }

        yield return page.Finish();
    }

    // Without the header: a date line alone (the page date) near the top, and after it a title-like line
    // followed, past a blank line, by a paragraph. Lists of "Title: ..." / "Abstract: ..." fields do not count.
    private static bool HasPageShape(string[] lines)
    {
        var dateLine = Array.FindIndex(lines, line => PrintedDate.TryParse(line, out _, out var upvotes) && upvotes is null);
        if (dateLine < 0 || lines.Take(dateLine).Count(line => line.Length > 0) > 12)
        {
            return false;
        }

        for (var i = dateLine + 1; i + 2 < lines.Length; i++)
        {
            var titleThenBlank = lines[i].Length > 0 && lines[i + 1].Length == 0 && DailyPapersPageAssembler.LooksLikeTitle(lines[i]);
            var paragraph = titleThenBlank ? lines.Skip(i + 2).FirstOrDefault(line => line.Length > 0) : null;
            if (paragraph is { Length: >= 200 } && !FieldLabel().IsMatch(lines[i]) && !FieldLabel().IsMatch(paragraph))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?:title|abstract|summary|authors?|date|published|url|link|arxiv|doi|categories)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FieldLabel();
}
