using System.Text;
using System.Text.RegularExpressions;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest;

/// <summary>
/// arXiv's author lists as one string, split into display names. arXiv keeps one such string per paper, the
/// one the submitter typed; the snapshot (<c>authors</c>) and OAI-PMH (<c>arXivRaw</c>'s <c>&lt;authors&gt;</c>)
/// hand it out as typed, while the listing feeds' <c>dc:creator</c> is rebuilt from arXiv's parsed names.
/// Both drop affiliations, the parenthesised parts ("A. One (MIT), B. Two ((1) Harvard, (2) Yale)").
/// </summary>
internal static partial class ArxivAuthors
{
    /// <summary>
    /// Splits an author line as submitters type it: "D.V. Shetty, S.J. Yennello, and G.A. Souliotis",
    /// "A. One (MIT) and B. Two; C. Three et al.". Names are separated by commas, semicolons and the word
    /// "and"; "Jr.", "III" and the like stay with the name before them; "et al." and "others" are dropped.
    /// </summary>
    public static List<string> SplitTyped(string? authors)
    {
        var names = new List<string>();
        foreach (var part in Separator().Split(WithoutAffiliations(TextNormalizer.Normalize(authors))))
        {
            // Single spaces again where an affiliation was cut out; no second Normalize, which would decode twice.
            var name = EtAl().Replace(string.Join(' ', part.Split(' ', StringSplitOptions.RemoveEmptyEntries)), "").TrimEnd();
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

    /// <summary>
    /// Splits a listing item's <c>dc:creator</c>. arXiv's feed service writes each author as "Forenames Surname"
    /// with its affiliations in parentheses and joins them with ", " (arXiv/arxiv-feed,
    /// feed/serializers/extensions.py): "A. Begun (JINR, Dubna), V. G. Bornyakov". Only commas separate: the
    /// names come from arXiv's parsed list, so an "and" is part of a name ("Particle and Nuclear Physics
    /// Collaboration"), unlike in a typed line. Names are trimmed but not normalised.
    /// </summary>
    public static List<string> SplitJoined(string creators)
    {
        ArgumentNullException.ThrowIfNull(creators);

        var names = new List<string>();
        foreach (var part in WithoutAffiliations(creators).Split(','))
        {
            var name = part.Trim();

            // A free-text list may end with ", and C. Last"; arXiv's own join never does, but a hand-made feed might.
            if (name.StartsWith("and ", StringComparison.Ordinal))
            {
                name = name[4..].TrimStart();
            }

            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    // Affiliations, possibly nested: "A (1), B (2) ((1) MIT, (2) Stanford)". A closing parenthesis leaves a
    // space, so that "Smith(MIT)Jones" does not glue two words; an unbalanced one becomes a space as well.
    private static string WithoutAffiliations(string text)
    {
        if (!text.Contains('(', StringComparison.Ordinal) && !text.Contains(')', StringComparison.Ordinal))
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
            else if (c == ')')
            {
                depth = Math.Max(depth - 1, 0);
                result.Append(depth == 0 ? " " : "");
            }
            else if (depth == 0)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    // Commas or semicolons (with an Oxford "and" after them), and the word "and".
    [GeneratedRegex(@"\s*[,;]\s*(?:and\s+)?|\s+and\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:Jr|Sr|II|III|IV)\.?\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameSuffix();

    // "et al." alone or after the last name ("C. Smith et al."); "others" alone ("A, B and others").
    [GeneratedRegex(@"(?:^|\s)et\s+al\.?\z|^others\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EtAl();
}
