using System.Text;
using System.Text.RegularExpressions;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.OaiPmh;

/// <summary>
/// Splits an author line as submitters type it (arXivRaw <c>&lt;authors&gt;</c>, the snapshot's <c>authors</c>)
/// into names: "D.V. Shetty, S.J. Yennello, and G.A. Souliotis", "A. One (MIT) and B. Two ((1) Harvard)".
/// Affiliations in parentheses are dropped; "Jr." and the like stay with the name they follow.
/// </summary>
internal static partial class ArxivAuthorList
{
    public static IReadOnlyList<string> Split(string? authors)
    {
        var names = new List<string>();
        foreach (var part in Separator().Split(WithoutParentheses(TextNormalizer.Normalize(authors))))
        {
            var name = string.Join(' ', part.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (name.Length == 0)
            {
                continue;
            }

            if (names.Count > 0 && NameSuffix().IsMatch(name))
            {
                names[^1] += " " + name;
            }
            else
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static string WithoutParentheses(string text)
    {
        var result = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(depth - 1, 0);
            }
            else if (depth == 0)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    // Commas, semicolons and the word "and", alone or after a comma (", and").
    [GeneratedRegex(@"\s*[,;]\s*(?:and\s+)?|\s+and\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:Jr|Sr|II|III|IV)\.?\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameSuffix();
}
