using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.AbstractLines;

/// <summary>
/// A display title for a paper known only by its abstract: the abstract's first sentence without its final
/// full stop, shortened at a word boundary with "…" when longer than <see cref="MaxLength"/> characters.
/// A structured abstract's leading label ("Objective:") is left out, and a first "sentence" too short to
/// say anything runs on into the next.
/// </summary>
internal static partial class DerivedTitle
{
    public const int MaxLength = 200;

    // "Objective." or "We did X." alone names no paper.
    private const int ShortestSentence = 20;

    // When shortening, a cut outside LaTeX math is preferred, unless it would leave less than this much text.
    private const int ShortestCut = MaxLength / 2;

    private const string Ellipsis = "…";

    /// <param name="abstractText">The normalised abstract (single spaces, trimmed), not empty.</param>
    public static string From(string abstractText)
    {
        ArgumentException.ThrowIfNullOrEmpty(abstractText);

        var label = SectionLabel().Match(abstractText);
        var text = label.Success && label.Length < abstractText.Length ? abstractText[label.Length..] : abstractText;
        var sentenceLength = FirstSentence.Length(text, ShortestSentence, MaxLength + 1) ?? text.Length;
        if (sentenceLength > MaxLength)
        {
            return Shortened(text);
        }

        var sentence = text[..sentenceLength];
        return sentence.EndsWith('.') && !sentence.EndsWith("..", StringComparison.Ordinal) ? sentence[..^1] : sentence;
    }

    // The text is longer than MaxLength: it is cut within its first MaxLength characters.
    private static string Shortened(string sentence)
    {
        var room = MaxLength - Ellipsis.Length;
        var cut = LastSpaceOutsideMath(sentence, room);
        if (cut < ShortestCut)
        {
            cut = sentence.LastIndexOf(' ', room);
        }

        if (cut <= 0)
        {
            // One enormous word: cut it, but not between the halves of a surrogate pair.
            cut = char.IsLowSurrogate(sentence[room]) ? room - 1 : room;
        }

        return sentence[..cut].TrimEnd(' ', ',', ';', ':', '-', '–', '—', '(', '[') + Ellipsis;
    }

    // The last space at or before index `room` that is not inside $...$.
    private static int LastSpaceOutsideMath(string sentence, int room)
    {
        var last = -1;
        var inMath = false;
        for (var i = 0; i <= room; i++)
        {
            if (sentence[i] == '$' && (i == 0 || sentence[i - 1] != '\\'))
            {
                inMath = !inMath;
            }
            else if (sentence[i] == ' ' && !inMath)
            {
                last = i;
            }
        }

        return last;
    }

    [GeneratedRegex(
        @"^(?:objectives?|background|purpose|motivation|context|introduction|aims?|goals?|summary|abstract)\s*[:.]\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SectionLabel();
}
