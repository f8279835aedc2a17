using System.Net;
using System.Text;

namespace PaperFeed.Core.Papers;

/// <summary>
/// Puts titles and abstracts from every source into one plain form, so that the same paper read from the
/// daily-papers page, the arXiv API or a snapshot compares equal.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// Decodes HTML entities once, collapses every whitespace run (hard line wraps, tabs, no-break spaces) into
    /// one space and trims. LaTeX is kept as written; markup such as <c>&lt;script&gt;</c> stays text, because
    /// encoding for display is the UI's job.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Once only: a title about HTML may legitimately contain "&amp;lt;", which must stay "&lt;".
        var decoded = WebUtility.HtmlDecode(text);
        var result = new StringBuilder(decoded.Length);
        var pendingSpace = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// A key that identifies a paper by its title when there is no arXiv id: lower-case, without diacritics,
    /// every run of characters other than letters and digits turned into one space, trimmed.
    /// "Nyström-Initiated  Low-Rank" and "nystrom initiated low rank" give the same key.
    /// </summary>
    public static string NormalizeTitleKey(string title)
    {
        ArgumentNullException.ThrowIfNull(title);

        var key = new StringBuilder(title.Length);
        var pendingSpace = false;
        // Canonical decomposition (NFD) splits "ö" into "o" and a combining mark, which is then dropped.
        foreach (Rune rune in Normalize(title).Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (IsDiacriticMark(rune))
            {
                continue;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                pendingSpace = key.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                key.Append(' ');
                pendingSpace = false;
            }

            key.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        return key.ToString();
    }

    private static bool IsDiacriticMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.EnclosingMark;
}
