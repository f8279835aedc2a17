using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.AbstractLines;

/// <summary>
/// A plain list of abstracts, one per line, each starting with "Abstract:", with no titles, ids or dates.
/// Each becomes a paper whose title is derived from its first sentence (<see cref="DerivedTitle"/>,
/// <see cref="PaperRecord.TitleIsDerived"/>), so that a later source with the real title can replace it.
/// </summary>
public sealed partial class AbstractLinesParser : IPaperSourceParser
{
    public const string FormatName = "abstract-lines";

    // The head holds a few KB: enough for the first lines, which must all be abstracts.
    private const int LinesToInspect = 5;

    public string Format => FormatName;

    /// <summary>The first non-blank lines (up to five, as far as the head shows them whole) start with "Abstract:".</summary>
    public bool Recognizes(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var lines = head.TrimStart('\uFEFF').Split('\n');
        if (!head.EndsWith('\n') && lines.Length > 1)
        {
            lines = lines[..^1]; // cut off by the end of the head
        }

        string[] nonBlank = [.. lines.Where(line => !string.IsNullOrWhiteSpace(line)).Take(LinesToInspect)];
        return nonBlank.Length > 0 && nonBlank.All(line => AbstractLabel().IsMatch(line));
    }

    public async IAsyncEnumerable<SourceEntry> ParseAsync(
        TextReader reader,
        ParseContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);

        long accepted = 0;
        await foreach (SourceLine line in SourceLines.ReadAsync(reader, context.SourceName, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            SourceEntry entry = ToEntry(line, context.SourceName);
            accepted += entry.Paper is null ? 0 : 1;
            yield return entry;
        }

        if (accepted == 0)
        {
            throw new SourceFormatException(context.SourceName, null, "no papers found");
        }
    }

    private static SourceEntry ToEntry(SourceLine line, string sourceName)
    {
        var position = new SourcePosition(Line: line.Number);
        Match label = AbstractLabel().Match(line.Text);
        if (!label.Success)
        {
            return SourceEntry.Rejected(position, "the line does not start with \"Abstract:\"");
        }

        var abstractText = TextNormalizer.Normalize(line.Text[label.Length..]);
        if (abstractText.Length == 0)
        {
            return SourceEntry.Rejected(position, "empty abstract");
        }

        // Only the file's end can be cut off, and only an end without a line break; as on the daily-papers
        // page, a last abstract that also stops mid-sentence means the copy is incomplete.
        if (!line.EndsWithLineBreak && !TextEnding.LooksFinished(abstractText))
        {
            throw new SourceFormatException(sourceName, position, "truncated: the last abstract stops mid-sentence");
        }

        return SourceEntry.Accepted(position, new PaperRecord
        {
            Title = DerivedTitle.From(abstractText),
            TitleIsDerived = true,
            Abstract = abstractText,
            Source = FormatName,
        });
    }

    [GeneratedRegex(@"^\s*abstract\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AbstractLabel();
}
