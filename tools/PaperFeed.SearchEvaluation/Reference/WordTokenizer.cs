using System.Text.RegularExpressions;

namespace PaperFeed.SearchEvaluation.Reference;

/// <summary>
/// The plain tokenizer of the reference BM25: lower-case runs of word characters (<c>\w+</c>), no stemming, no
/// stopwords — the baseline the research notes measured, so that any gain of PaperFeed's own analysis shows.
/// </summary>
internal static partial class WordTokenizer
{
    public static List<string> Tokens(string text)
    {
        var lower = text.ToLowerInvariant();
        var tokens = new List<string>();
        foreach (var match in Word().EnumerateMatches(lower))
        {
            tokens.Add(lower.Substring(match.Index, match.Length));
        }

        return tokens;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
