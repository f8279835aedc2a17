using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.DailyPapers;

/// <summary>
/// Turns the lines of a copied daily-papers page into entries, one line at a time. The page is: a header
/// ending with the page's date ("Dec 8", no year), then per paper a title, its abstract, and on some pages a
/// metadata block ("• 3 authors", "·", "Oct 19, 2023 1"). Blank lines carry no meaning; which text line is a
/// title and which an abstract follows from their order, checked against their shape.
/// </summary>
internal sealed partial class DailyPapersPageAssembler(ParseContext context)
{
    // Longer than any arXiv title; a longer line where a title is due is an abstract that lost its title.
    public const int MaxTitleLength = 300;

    private DateOnly? _pageDate;
    private DailyPapersEntryBuilder? _open;
    private bool _seenAbstract;
    private bool _recordsCarryMetadata;
    private bool _upvotesPrecedeTitles;
    private int? _pendingUpvotes;
    private int _accepted;
    private long _lastTextLine;
    private bool _endsWithLineBreak = true;

    /// <summary>Takes the next line; returns the entry of a paper that this line completes, if any.</summary>
    public SourceEntry? Accept(SourceLine line)
    {
        _endsWithLineBreak = line.EndsWithLineBreak;
        var text = line.Text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        _lastTextLine = line.Number;
        var classified = DailyPapersLine.Classify(text);
        if (classified.Kind == DailyPapersLineKind.Text && DailyPapersLine.SplitJoinedMetadata(text) is { } parts)
        {
            foreach (DailyPapersLine part in parts)
            {
                AcceptClassified(line.Number, part);
            }

            return null;
        }

        return AcceptClassified(line.Number, classified);
    }

    private SourceEntry? AcceptClassified(long lineNumber, DailyPapersLine classified)
    {
        if (_pageDate is null)
        {
            AcceptHeaderLine(lineNumber, classified);
            return null;
        }

        switch (classified.Kind)
        {
            case DailyPapersLineKind.Text:
                return AcceptText(lineNumber, classified.Text);
            case DailyPapersLineKind.AuthorCount:
                _open?.AddAuthorCount(classified.Number!.Value);
                break;
            case DailyPapersLineKind.Date:
                _open?.AddDate(classified.Date, classified.Number, classified.Text);
                break;
            case DailyPapersLineKind.Upvotes:
                AcceptUpvotes(classified.Number!.Value);
                break;
            case DailyPapersLineKind.Furniture:
                break;
        }

        return null;
    }

    /// <summary>
    /// Completes the last paper at the end of the text, or fails when the page is unusable or was cut short:
    /// a truncated copy must not pass for a complete page with a clipped last abstract.
    /// </summary>
    public SourceEntry Finish()
    {
        if (_pageDate is not { } pageDate)
        {
            throw Fail(null, "no page date header (a line such as \"Dec 8\" before the first paper)");
        }

        if (_open is null || !_seenAbstract)
        {
            throw Fail(null, "no papers found");
        }

        if (TruncationIn(_open) is { } truncation)
        {
            throw Fail(_lastTextLine, $"truncated: {truncation}");
        }

        SourceEntry last = Complete(_open, pageDate);
        if (_accepted == 0)
        {
            throw Fail(null, "no papers found");
        }

        return last;
    }

    private void AcceptHeaderLine(long lineNumber, DailyPapersLine line)
    {
        if (line.Kind == DailyPapersLineKind.Date && line.Number is null)
        {
            _pageDate = line.Date.Resolve(context.Today)
                ?? throw Fail(lineNumber, $"the page date \"{line.Text}\" does not exist");
            return;
        }

        // Header lines other than the known ones are tolerated, but an abstract or a metadata block means the
        // papers have begun without a page date to resolve their yearless dates against.
        if (line.Kind == DailyPapersLineKind.AuthorCount || line.Text.Length > MaxTitleLength)
        {
            throw Fail(lineNumber, "no page date header (a line such as \"Dec 8\" before the first paper)");
        }
    }

    private SourceEntry? AcceptText(long lineNumber, string text)
    {
        DateOnly pageDate = _pageDate!.Value;
        if (_open is null || _open.Abstract is not null)
        {
            SourceEntry? completed = _open is null ? null : Complete(_open, pageDate);
            if (text.Length > MaxTitleLength)
            {
                Open(DailyPapersEntryBuilder.Untitled(lineNumber, text));
                _seenAbstract = true;
            }
            else
            {
                Open(DailyPapersEntryBuilder.Titled(lineNumber, text));
            }

            return completed;
        }

        if (LooksLikeTitle(text))
        {
            // The open paper has no abstract. Before the first abstract such lines are page furniture that is
            // not known by name (tabs, navigation), not papers.
            DailyPapersEntryBuilder withoutAbstract = _open;
            Open(DailyPapersEntryBuilder.Titled(lineNumber, text));
            return _seenAbstract ? Complete(withoutAbstract, pageDate) : null;
        }

        _open.SetAbstract(text);
        _seenAbstract = true;
        return null;
    }

    // Upvote counts alone on a line sit either before each title or after each paper's text, depending on the
    // layout; where the first one appears tells which.
    private void AcceptUpvotes(int upvotes)
    {
        if (_open is null)
        {
            _upvotesPrecedeTitles = true;
            _pendingUpvotes = upvotes;
        }
        else if (_upvotesPrecedeTitles)
        {
            _pendingUpvotes = upvotes;
        }
        else
        {
            _open.AddUpvotes(upvotes);
        }
    }

    private void Open(DailyPapersEntryBuilder entry)
    {
        _open = entry;
        if (_pendingUpvotes is { } upvotes)
        {
            entry.AddUpvotes(upvotes);
            _pendingUpvotes = null;
        }
    }

    private SourceEntry Complete(DailyPapersEntryBuilder entry, DateOnly pageDate)
    {
        _recordsCarryMetadata |= entry.HasMetadata;
        SourceEntry result = entry.ToEntry(pageDate);
        if (result.Paper is not null)
        {
            _accepted++;
        }

        return result;
    }

    /// <summary>
    /// Why the last paper looks cut off, if it does. The end of a page copy has no marker, so this reads the
    /// structure: a title with nothing after it; on pages whose papers carry the metadata block, a last paper
    /// without it or with the author count but not the date that follows it; on pages without the block, an
    /// abstract stopping mid-sentence in a file that does not end with a line break (the samples end without
    /// one, and some real abstracts end without punctuation, so either sign alone is not enough).
    /// </summary>
    private string? TruncationIn(DailyPapersEntryBuilder last)
    {
        if (last.Abstract is null)
        {
            return $"the file ends after the title \"{last.Title}\", before its abstract";
        }

        if (last.AuthorCount is not null && last.Date is null)
        {
            return "the last paper's author count is not followed by its date";
        }

        if (!last.HasMetadata && _recordsCarryMetadata)
        {
            return "the last paper lacks the author count and date that the others have";
        }

        if (!last.HasMetadata && !_endsWithLineBreak && !TextEnding.LooksFinished(last.Abstract))
        {
            return "the last abstract stops mid-sentence";
        }

        return null;
    }

    private SourceFormatException Fail(long? line, string reason) =>
        new(context.SourceName, line is null ? null : new SourcePosition(Line: line), reason);

    /// <summary>
    /// A title is short, does not end with a full stop and holds no sentence break; anything else where an
    /// abstract is due is taken as the abstract, however short.
    /// </summary>
    internal static bool LooksLikeTitle(string text) =>
        text.Length <= MaxTitleLength && !EndsWithFullStop().IsMatch(text) && !SentenceBreak().IsMatch(text);

    [GeneratedRegex(@"\.[""'”’»)\]]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithFullStop();

    // "models. We": a word of three or more lower-case letters ends a sentence ("vs. X" and "al. X" do not).
    [GeneratedRegex(@"\p{Ll}{3,}\.\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();
}
