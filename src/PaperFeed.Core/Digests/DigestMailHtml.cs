using System.Net;
using System.Text;

namespace PaperFeed.Core.Digests;

/// <summary>
/// The HTML part of a digest, written for mail clients rather than browsers: nested tables for layout, every style
/// inline (Gmail and Outlook drop style sheets), a 600 px column, no scripts, no images to load. Every text from a
/// paper is HTML-encoded; every link is an http(s) URL.
/// </summary>
public static class DigestMailHtml
{
    private const string Font = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;";

    public static string Render(DigestContent content, MailLinks links)
    {
        var html = new StringBuilder(4096);
        MailHtmlFrame.Open(html, $"Your PaperFeed {DigestMailSubject.PeriodName(content.Frequency)} digest");
        AppendSection(html, "Trending", content.Trending);
        AppendSection(html, "Picked for you", content.Picks);
        MailHtmlFrame.Close(html, links);
        return html.ToString();
    }

    private static void AppendSection(StringBuilder html, string heading, IReadOnlyList<DigestItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<tr><td style=\"padding:24px 24px 4px 24px;").Append(Font)
            .Append("font-size:13px;font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:#6b7280;\">")
            .Append(WebUtility.HtmlEncode(heading)).Append("</td></tr>\n");
        foreach (var item in items)
        {
            AppendItem(html, item);
        }
    }

    private static void AppendItem(StringBuilder html, DigestItem item)
    {
        html.Append("<tr><td style=\"padding:12px 24px;border-bottom:1px solid #e5e7eb;").Append(Font).Append("\">\n");
        html.Append("<a href=\"").Append(WebUtility.HtmlEncode(item.Url))
            .Append("\" style=\"font-size:17px;font-weight:bold;line-height:1.35;color:#1d4ed8;text-decoration:none;\">")
            .Append(WebUtility.HtmlEncode(MailHeaderText.Clean(item.Title, 300))).Append("</a>\n");
        if (DigestMailSubject.Byline(item) is { Length: > 0 } byline)
        {
            html.Append("<div style=\"padding-top:4px;font-size:13px;color:#6b7280;\">").Append(WebUtility.HtmlEncode(byline)).Append("</div>\n");
        }

        if (item.Reason is not null)
        {
            html.Append("<div style=\"padding-top:4px;font-size:13px;color:#047857;\">").Append(WebUtility.HtmlEncode(item.Reason)).Append("</div>\n");
        }

        html.Append("<div style=\"padding-top:6px;font-size:14px;line-height:1.5;color:#374151;\">")
            .Append(WebUtility.HtmlEncode(DigestMailSubject.Snippet(item.Abstract))).Append("</div>\n");
        html.Append("</td></tr>\n");
    }
}
