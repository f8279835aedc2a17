using System.Collections.Frozen;

namespace PaperFeed.Core.Ingest.AbstractLines;

/// <summary>
/// Finds where the first sentence of an abstract ends: at ".", "!" or "?" followed by a space and a word that
/// does not start in lower case, except after abbreviations ("e.g.", "i.e.", "et al.", "Fig.", initials) and
/// inside LaTeX math (<c>$...$</c>, <c>$$...$$</c>, <c>\(...\)</c>, <c>\[...\]</c>). Decimals ("3.5") never
/// end a sentence because no space follows their point.
/// </summary>
internal static class FirstSentence
{
    // Compared without case and without the final period; "e.g", "i.e", "U.S" and other dotted initials are
    // caught by their shape instead.
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "al", "vs", "cf", "viz", "resp", "approx", "incl", "esp", "fig", "figs", "eq", "eqs", "sec", "secs", "ref",
        "refs", "tab", "vol", "pp", "thm", "lem", "dr", "mr", "mrs", "ms", "prof", "jr", "sr", "inc", "ltd", "corp",
        "dept", "univ");

    private static readonly string ClosingMarks = "\"'”’»)]}";

    private enum MathMode
    {
        None,
        Dollar,
        DoubleDollar,
        Delimited,
    }

    /// <summary>
    /// The length of the first sentence of normalised (single-spaced) text, closing quotes or brackets
    /// included, at least <paramref name="minimum"/> characters long (a shorter one runs on into the next).
    /// Only the first <paramref name="limit"/> characters are read; null when no sentence ends within them.
    /// </summary>
    public static int? Length(string text, int minimum, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = Scan(text, minimum, limit, mathAware: true, out var unclosedDollar);
        if (end is null && unclosedDollar)
        {
            // A lone "$" (a price: "$5M") would hide every later sentence end; without math the scan still works.
            end = Scan(text, minimum, limit, mathAware: false, out _);
        }

        return end;
    }

    private static int? Scan(string text, int minimum, int limit, bool mathAware, out bool unclosedDollar)
    {
        var math = MathMode.None;
        var length = Math.Min(text.Length, limit);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (mathAware && c is '\\' or '$')
            {
                i += MathDelimiter(text, i, ref math);
                continue;
            }

            if (math == MathMode.None && c is '.' or '!' or '?' && EndOfSentence(text, i) is { } end && end >= minimum)
            {
                unclosedDollar = false;
                return end;
            }
        }

        unclosedDollar = math is MathMode.Dollar or MathMode.DoubleDollar;
        return null;
    }

    /// <summary>Updates the math state for a "\" or "$" at <paramref name="i"/>; returns how many more characters it used.</summary>
    private static int MathDelimiter(string text, int i, ref MathMode math)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        if (text[i] == '\\')
        {
            switch (next)
            {
                case '(' or '[' when math == MathMode.None:
                    math = MathMode.Delimited;
                    break;
                case ')' or ']' when math == MathMode.Delimited:
                    math = MathMode.None;
                    break;
            }

            // "\$" is a dollar sign, "\." an escaped point; either way the next character is not markup.
            return next == '\0' ? 0 : 1;
        }

        var isDouble = next == '$';
        math = math switch
        {
            MathMode.None => isDouble ? MathMode.DoubleDollar : MathMode.Dollar,
            MathMode.Dollar => MathMode.None,
            MathMode.DoubleDollar when isDouble => MathMode.None,
            _ => math,
        };
        return isDouble ? 1 : 0;
    }

    /// <summary>Where the sentence ends when the mark at <paramref name="i"/> ends it, or null.</summary>
    private static int? EndOfSentence(string text, int i)
    {
        var end = i + 1;
        while (end < text.Length && ClosingMarks.Contains(text[end], StringComparison.Ordinal))
        {
            end++;
        }

        if (end == text.Length)
        {
            return end;
        }

        if (text[end] != ' ' || (end + 1 < text.Length && char.IsLower(text[end + 1])))
        {
            return null;
        }

        var followedByDigit = end + 1 < text.Length && char.IsDigit(text[end + 1]);
        return text[i] == '.' && IsAbbreviation(WordBefore(text, i), followedByDigit) ? null : end;
    }

    // The letters and points just before the point at i: "e.g" in "(e.g. BERT", "al" in "et al.". Empty
    // after a digit: "the 1st. We" ends a sentence.
    private static ReadOnlySpan<char> WordBefore(string text, int i)
    {
        var start = i;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        return start > 0 && char.IsDigit(text[start - 1]) ? [] : text.AsSpan(start, i - start);
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word, bool followedByDigit)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        // An initial ("J. Smith") or dotted initials ("e.g", "i.e", "U.S", "a.k.a", "w.r.t").
        if ((word.Length == 1 && char.IsUpper(word[0])) || IsDottedInitials(word))
        {
            return true;
        }

        // "No. 402/2013" is a number; "said no. The" may end a sentence.
        if (followedByDigit && (word.Equals("no", StringComparison.OrdinalIgnoreCase) || word.Equals("nos", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static bool IsDottedInitials(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length % 2 == 0)
        {
            return false;
        }

        for (var k = 0; k < word.Length; k++)
        {
            if (k % 2 == 0 ? !char.IsLetter(word[k]) : word[k] != '.')
            {
                return false;
            }
        }

        return true;
    }
}
