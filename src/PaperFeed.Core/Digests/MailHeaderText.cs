using System.Text;

namespace PaperFeed.Core.Digests;

/// <summary>
/// Text that goes into a mail header (a subject built from paper titles, a display name): one line with no control
/// characters, so that a title holding CR/LF cannot start a header of its own (header injection), and shortened to
/// a length mail clients show.
/// </summary>
public static class MailHeaderText
{
    public const int MaxLength = 200;

    public static string Clean(string text, int maxLength = MaxLength)
    {
        var line = new StringBuilder(Math.Min(text.Length, maxLength));
        var pendingSpace = false;
        foreach (var c in text)
        {
            // CR, LF, tabs, other controls and the Unicode line/paragraph separators all become one space.
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u2028' or '\u2029')
            {
                pendingSpace = line.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                line.Append(' ');
                pendingSpace = false;
            }

            line.Append(c);
        }

        if (line.Length <= maxLength)
        {
            return line.ToString();
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return line.ToString(0, cut).TrimEnd() + "…";
    }
}
