using System.Net;
using System.Text;

namespace PaperFeed.Core.Digests;

/// <summary>The frame every HTML mail shares: a centred 600 px table with a heading, and a footer with the links.</summary>
internal static class MailHtmlFrame
{
    private const string Font = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;";

    public static void Open(StringBuilder html, string heading)
    {
        var encoded = WebUtility.HtmlEncode(heading);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").Append(encoded).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:24px 8px;\">\n")
            .Append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background-color:#ffffff;border-radius:8px;\">\n")
            .Append("<tr><td style=\"padding:24px 24px 8px 24px;").Append(Font).Append("font-size:22px;font-weight:bold;color:#111827;\">")
            .Append(encoded).Append("</td></tr>\n");
    }

    public static void Close(StringBuilder html, MailLinks? links)
    {
        html.Append("<tr><td style=\"padding:20px 24px 24px 24px;").Append(Font).Append("font-size:12px;line-height:1.6;color:#6b7280;\">");
        if (links is not null)
        {
            html.Append("You get this mail because you subscribed to PaperFeed digests. ")
                .Append(Link(links.Manage, "Change what you get")).Append(" · ")
                .Append(Link(links.Unsubscribe, "Unsubscribe")).Append(" · ")
                .Append(Link(links.Site, "PaperFeed"));
        }
        else
        {
            html.Append("PaperFeed");
        }

        html.Append("</td></tr>\n</table>\n</td></tr></table>\n</body></html>\n");
    }

    public static string Link(string url, string text) =>
        $"<a href=\"{WebUtility.HtmlEncode(url)}\" style=\"color:#1d4ed8;\">{WebUtility.HtmlEncode(text)}</a>";

    public static void Paragraph(StringBuilder html, string innerHtml) =>
        html.Append("<tr><td style=\"padding:8px 24px;").Append(Font).Append("font-size:15px;line-height:1.6;color:#374151;\">")
            .Append(innerHtml).Append("</td></tr>\n");
}
