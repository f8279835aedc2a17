using System.Text;

namespace PaperFeed.Core.Search;

/// <summary>
/// Marks the words of a text that a query matched: a word matches when its stem is one of the query's stems, so
/// "networks" in an abstract lights up for the query "network". Build one per query (<see cref="For"/>) and use it
/// for every hit's title and abstract; the static <see cref="Highlight(string, string)"/> and
/// <see cref="Snippet(string, string, int)"/> build one per call.
/// </summary>
public sealed class SearchHighlighter
{
    /// <summary>A snippet's default length: about three lines of a results page.</summary>
    public const int DefaultSnippetChars = 280;

    private const string Ellipsis = "…";

    private readonly HashSet<string> _stems;

    private SearchHighlighter(HashSet<string> stems) => _stems = stems;

    public static SearchHighlighter For(string? query) =>
        new(SearchQuery.Parse(query).Terms.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal));

    public static IReadOnlyList<HighlightSegment> Highlight(string text, string query) => For(query).Highlight(text);

    public static IReadOnlyList<HighlightSegment> Snippet(string text, string query, int maxChars = DefaultSnippetChars) =>
        For(query).Snippet(text, maxChars);

    /// <summary>The whole text cut into alternating plain and matched segments; concatenated they give the text back.</summary>
    public IReadOnlyList<HighlightSegment> Highlight(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Segments(text, 0, text.Length, Matches(text));

    /// <summary>
    /// About <paramref name="maxChars"/> characters of the text around its densest run of matches (the most
    /// distinct query words within one window), cut at word boundaries, with "…" where text was left out. A text
    /// without matches gives its beginning; a short text is returned whole.
    /// </summary>
    public IReadOnlyList<HighlightSegment> Snippet(string? text, int maxChars = DefaultSnippetChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 20);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var matches = Matches(text);
        if (text.Length <= maxChars)
        {
            return Segments(text, 0, text.Length, matches);
        }

        var (start, end) = Window(text, matches, maxChars);
        var segments = new List<HighlightSegment>();
        if (start > 0)
        {
            segments.Add(new HighlightSegment(Ellipsis, false));
        }

        segments.AddRange(Segments(text, start, end, matches));
        if (end < text.Length)
        {
            segments.Add(new HighlightSegment(Ellipsis, false));
        }

        return Merge(segments);
    }

    private List<AnalyzedToken> Matches(string text) =>
        _stems.Count == 0 ? [] : SearchTextAnalyzer.Analyze(text).FindAll(token => _stems.Contains(token.Stem));

    // Slides a window of maxChars over the matches and keeps the one covering the most distinct stems (then the
    // most matches); some context is left before the first match, and both ends move to word boundaries.
    private static (int Start, int End) Window(string text, List<AnalyzedToken> matches, int maxChars)
    {
        var bestFirst = -1;
        var bestDistinct = 0;
        var bestCount = 0;
        for (var first = 0; first < matches.Count; first++)
        {
            var stems = new HashSet<string>(StringComparer.Ordinal);
            var count = 0;
            for (var i = first; i < matches.Count && matches[i].End - matches[first].Start <= maxChars; i++)
            {
                stems.Add(matches[i].Stem);
                count++;
            }

            if (stems.Count > bestDistinct || (stems.Count == bestDistinct && count > bestCount))
            {
                (bestFirst, bestDistinct, bestCount) = (first, stems.Count, count);
            }
        }

        if (bestFirst < 0)
        {
            return (0, WordEndBefore(text, maxChars));
        }

        var context = maxChars / 5;
        var start = Math.Max(0, matches[bestFirst].Start - context);
        start = start == 0 ? 0 : WordStartAfter(text, start);
        var end = Math.Min(text.Length, start + maxChars);
        if (end == text.Length)
        {
            start = WordStartAfter(text, Math.Max(0, end - maxChars));
        }
        else
        {
            end = WordEndBefore(text, end);
        }

        return (start, end);
    }

    private static int WordStartAfter(string text, int position)
    {
        if (position == 0 || char.IsWhiteSpace(text[position - 1]))
        {
            return position;
        }

        var space = text.IndexOf(' ', position);
        return space < 0 ? position : space + 1;
    }

    private static int WordEndBefore(string text, int position)
    {
        if (position >= text.Length || char.IsWhiteSpace(text[position]))
        {
            return Math.Min(position, text.Length);
        }

        var space = text.LastIndexOf(' ', position);
        return space <= 0 ? position : space;
    }

    private static List<HighlightSegment> Segments(string text, int start, int end, List<AnalyzedToken> matches)
    {
        var segments = new List<HighlightSegment>();
        var at = start;
        foreach (var match in matches)
        {
            if (match.Start < at || match.End > end)
            {
                continue;
            }

            if (match.Start > at)
            {
                segments.Add(new HighlightSegment(text[at..match.Start], false));
            }

            segments.Add(new HighlightSegment(text[match.Start..match.End], true));
            at = match.End;
        }

        if (at < end)
        {
            segments.Add(new HighlightSegment(text[at..end], false));
        }

        return Merge(segments);
    }

    // Neighbouring segments of the same kind become one: "…" + "plain text" reads as one plain segment.
    private static List<HighlightSegment> Merge(List<HighlightSegment> segments)
    {
        var merged = new List<HighlightSegment>(segments.Count);
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            if (merged.Count > 0 && merged[^1].Match == segment.Match && !segment.Match)
            {
                merged[^1] = merged[^1] with { Text = builder.Clear().Append(merged[^1].Text).Append(segment.Text).ToString() };
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }
}

/// <summary>A piece of highlighted text: <see cref="Match"/> when it is a word the query matched.</summary>
public readonly record struct HighlightSegment(string Text, bool Match);
