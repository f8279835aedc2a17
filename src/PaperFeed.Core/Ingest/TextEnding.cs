using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest;

/// <summary>
/// Whether a text ends the way a finished abstract does. Sources copied by hand (the daily-papers page, a list
/// of abstracts) have no end marker, so a last abstract that stops mid-sentence is the sign of a cut-off copy.
/// </summary>
internal static partial class TextEnding
{
    /// <summary>
    /// True when the text ends with a sentence mark (not after an abbreviation such as "e.g.", which would leave
    /// the sentence open) or with a URL (abstracts often end with a link to their code).
    /// </summary>
    public static bool LooksFinished(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The end is all that matters; looking only there keeps a multi-megabyte line cheap.
        var trimmed = text.TrimEnd();
        var tail = trimmed[^Math.Min(trimmed.Length, 300)..];
        return (SentenceEnd().IsMatch(tail) && !EndsWithAbbreviation().IsMatch(tail)) || EndsWithUrl().IsMatch(tail);
    }

    [GeneratedRegex(@"[.!?…][""'”’»)\]]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    // Abbreviations that (practically) never end an abstract: "(e.g." or "(Zhou et al." is an abstract cut short.
    [GeneratedRegex(@"\b(?:e\.g|i\.e|vs|cf|al|approx|resp|viz|incl|figs?|eqs?|sec|refs?)\.\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithAbbreviation();

    // A URL with a scheme or "www." ("https://github.com/x/y"), or a bare host with a path ("tiny.one/arxivedits").
    // A bare "word.word" does not count: "1.1B" or "Paradigm.T" are text.
    [GeneratedRegex(
        @"(?:(?:https?://|www\.)[\w-]+(?:\.[\w-]+)+(?::[0-9]+)?(?:[/?#]\S*)?|\b[\w-]+(?:\.[\w-]+)+/\S*)\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithUrl();
}
