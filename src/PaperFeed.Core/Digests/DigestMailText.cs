using System.Globalization;
using System.Text;

namespace PaperFeed.Core.Digests;

/// <summary>The plain-text part of a digest: readable as is in any client, links on lines of their own.</summary>
public static class DigestMailText
{
    public static string Render(DigestContent content, MailLinks links)
    {
        var text = new StringBuilder();
        text.Append("Your PaperFeed ").Append(DigestMailSubject.PeriodName(content.Frequency)).Append(" digest\n\n");
        AppendSection(text, "Trending", content.Trending);
        AppendSection(text, "Picked for you", content.Picks);
        text.Append("--\n");
        text.Append("Change what you get: ").Append(links.Manage).Append('\n');
        text.Append("Unsubscribe: ").Append(links.Unsubscribe).Append('\n');
        text.Append("PaperFeed: ").Append(links.Site).Append('\n');
        return text.ToString();
    }

    private static void AppendSection(StringBuilder text, string heading, IReadOnlyList<DigestItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.Append(heading).Append('\n').Append(new string('=', heading.Length)).Append("\n\n");
        var number = 1;
        foreach (var item in items)
        {
            text.Append(number++.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(MailHeaderText.Clean(item.Title, 300)).Append('\n');
            if (DigestMailSubject.Byline(item) is { Length: > 0 } byline)
            {
                text.Append("   ").Append(byline).Append('\n');
            }

            if (item.Reason is not null)
            {
                text.Append("   ").Append(item.Reason).Append('\n');
            }

            text.Append("   ").Append(DigestMailSubject.Snippet(item.Abstract)).Append('\n');
            text.Append("   ").Append(item.Url).Append("\n\n");
        }
    }
}
