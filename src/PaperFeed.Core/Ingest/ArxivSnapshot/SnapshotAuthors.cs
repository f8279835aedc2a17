using System.Text;
using System.Text.RegularExpressions;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.ArxivSnapshot;

/// <summary>
/// Author display names ("First Last"). The snapshot has them twice: <c>authors_parsed</c>, arXiv's own split
/// into [last, first, suffix], with TeX accents already turned into letters ("Balázs"), and the
/// <c>authors</c> string as submitted ("C. Bal\'azs, E. L. Berger and P. M. Nadolsky"), used when the first is
/// missing.
/// </summary>
internal static partial class SnapshotAuthors
{
    /// <summary>"First Last Suffix" from arXiv's parts; null when there is no name at all.</summary>
    public static string? DisplayName(ReadOnlySpan<char> last, ReadOnlySpan<char> first, ReadOnlySpan<char> suffix)
    {
        var capacity = last.Length + first.Length + suffix.Length + 2;
        Span<char> name = capacity <= 256 ? stackalloc char[capacity] : new char[capacity];
        var length = 0;
        Append(name, ref length, first);
        Append(name, ref length, last);
        Append(name, ref length, suffix);
        if (length == 0)
        {
            return null;
        }

        // Line breaks, tabs or entities inside a part are rare, but names get TextNormalizer's treatment too.
        var display = CollapsedText.Normalize(name[..length]);

        // arXiv's parser spaces out hyphenated initials: "C.-P. Yuan" comes back as first name "C. -P.".
        return display.Replace(". -", ".-", StringComparison.Ordinal);
    }

    private static void Append(Span<char> name, ref int length, ReadOnlySpan<char> part)
    {
        part = part.Trim();
        if (part.IsEmpty)
        {
            return;
        }

        if (length > 0)
        {
            name[length++] = ' ';
        }

        part.CopyTo(name[length..]);
        length += part.Length;
    }

    /// <summary>
    /// Splits "A, B, and C (MIT)" into names: affiliations in parentheses dropped, split at commas and at
    /// "and", suffixes ("Jr.", "III") kept with the name before them, "et al." dropped.
    /// </summary>
    public static List<string> Split(string? authors)
    {
        var names = new List<string>();
        var text = TextNormalizer.Normalize(WithoutParentheses(authors ?? ""));
        foreach (var part in Separator().Split(text))
        {
            var name = EtAl().Replace(part, "").Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (names.Count > 0 && Suffix().IsMatch(name))
            {
                names[^1] = $"{names[^1]} {name}";
                continue;
            }

            names.Add(name);
        }

        return names;
    }

    // Affiliations, possibly nested: "A (1), B (2) ((1) MIT, (2) Stanford)". An unbalanced ")" is kept as text.
    private static string WithoutParentheses(string text)
    {
        if (!text.Contains('(', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
                result.Append(' ');
            }
            else if (depth == 0)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    // Commas (with an Oxford "and" after them) and the word "and".
    [GeneratedRegex(@",\s*(?:and\s+)?|\s+and\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:Jr\.?|Sr\.?|I{2,3}|IV)$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();

    // "et al." alone or after the last name ("C. Smith et al."); "others" alone ("A, B and others").
    [GeneratedRegex(@"(?:^|\s)et\s+al\.?$|^others$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EtAl();
}
