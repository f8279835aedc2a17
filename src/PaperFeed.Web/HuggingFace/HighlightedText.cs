using System.Text.RegularExpressions;

namespace PaperFeed.Web.HuggingFace;

/// <summary>
/// Cuts a title or abstract into the segments of <c>highlightedTitle</c> / <c>highlightedSummary</c>: every
/// whole-word, case-insensitive occurrence of a query word is a <c>highlight</c> segment, the text around it
/// <c>text</c> segments. Joined, the segments give the text back unchanged.
/// </summary>
public static partial class HighlightedText
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<HfTextSegment> Mark(string text, string query)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        if (text.Length == 0)
        {
            return [];
        }

        // Longest first, so that "language model" marks "language" whole rather than a shorter word inside it.
        var words = Word().Matches(query).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(w => w.Length).Select(Regex.Escape).ToList();
        if (words.Count == 0)
        {
            return [HfTextSegment.Plain(text)];
        }

        // A query word must be a whole word of the text too, so "Kazakh" does not light up inside "Kazakhstan".
        var matcher = new Regex(
            $@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', words)})(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        var segments = new List<HfTextSegment>();
        var at = 0;
        foreach (Match match in matcher.Matches(text))
        {
            if (match.Index > at)
            {
                segments.Add(HfTextSegment.Plain(text[at..match.Index]));
            }

            segments.Add(HfTextSegment.Highlight(match.Value));
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            segments.Add(HfTextSegment.Plain(text[at..]));
        }

        return segments;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
