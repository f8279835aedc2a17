using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.ArxivSnapshot;

/// <summary>
/// The Kaggle arXiv metadata snapshot (<c>arxiv-metadata-oai-snapshot.json</c>, https://www.kaggle.com/datasets/Cornell-University/arxiv):
/// JSON Lines, one paper per line with <c>id</c>, <c>title</c>, <c>abstract</c>, <c>authors</c>,
/// <c>authors_parsed</c>, <c>categories</c>, <c>versions</c> and more. The full file is several GB, so each line
/// is parsed on its own, straight from UTF-8 (see <see cref="SnapshotLine"/>), and a bad line is rejected alone.
/// </summary>
public sealed partial class ArxivSnapshotParser : IPaperSourceParser
{
    public const string FormatName = "arxiv-snapshot";

    public string Format => FormatName;

    /// <summary>
    /// The first line is a JSON object with an "id" and an "abstract" key. A first line longer than the head
    /// (a paper with thousands of authors) may be cut before its abstract; then a key only the snapshot has
    /// ("submitter", "authors_parsed", ...) stands in for it.
    /// </summary>
    public bool Recognizes(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var start = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!start.StartsWith('{'))
        {
            return false;
        }

        var lineEnd = start.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = lineEnd >= 0 ? start[..lineEnd] : start;
        var cutByHead = lineEnd < 0;
        return IdKey().IsMatch(firstLine)
            && (AbstractKey().IsMatch(firstLine) || (cutByHead && SnapshotOnlyKey().IsMatch(firstLine)));
    }

    public async IAsyncEnumerable<SourceEntry> ParseAsync(
        TextReader reader,
        ParseContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);

        var lines = new Utf8LineReader(reader, context.SourceName);
        var json = new SnapshotLine();
        var seenObject = false;
        long accepted = 0;
        while (await lines.ReadLineAsync(cancellationToken))
        {
            if (ReadEntry(lines, json, context.SourceName, ref seenObject) is not { } entry)
            {
                continue;
            }

            accepted += entry.Paper is null ? 0 : 1;
            yield return entry;
        }

        if (accepted == 0)
        {
            throw new SourceFormatException(context.SourceName, null, "no papers found");
        }
    }

    /// <summary>The entry of the current line; null for a blank line.</summary>
    private static SourceEntry? ReadEntry(Utf8LineReader lines, SnapshotLine json, string sourceName, ref bool seenObject)
    {
        ReadOnlySpan<byte> line = lines.Utf8.Trim(" \t\f\v\r"u8);
        if (line.IsEmpty)
        {
            return null;
        }

        var position = new SourcePosition(Line: lines.Number);
        if (!seenObject)
        {
            // A first line that is not a JSON object means another format (or a JSON array of papers, which
            // would be one gigantic value), not a snapshot whose first paper is broken.
            if (line[0] != (byte)'{')
            {
                var found = line[0] == (byte)'[' ? "a JSON array; the snapshot has one JSON object per line" : "text that is not a JSON object";
                throw new SourceFormatException(sourceName, position, $"not an arXiv snapshot: {found}");
            }

            seenObject = true;
        }

        if (json.TryRead(line, out SnapshotFields? fields, out var problem))
        {
            return fields.ToEntry(position);
        }

        // A last line that stops inside its object, without a line break after it, is a file cut short.
        if (!lines.EndsWithLineBreak && SnapshotLine.IsIncomplete(line))
        {
            throw new SourceFormatException(sourceName, position, "truncated: the last line stops inside its JSON object");
        }

        return SourceEntry.Rejected(position, problem);
    }

    // A key, not the same text inside a string (where its quotes would be escaped).
    [GeneratedRegex(@"(?<!\\)""id""\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex IdKey();

    [GeneratedRegex(@"(?<!\\)""abstract""\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex AbstractKey();

    [GeneratedRegex(@"(?<!\\)""(?:submitter|authors_parsed|journal-ref|report-no|update_date)""\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex SnapshotOnlyKey();
}
