using System.Net;
using System.Text;

namespace PaperFeed.Core.Digests;

/// <summary>
/// The mails a subscription request sends. A new (or not yet confirmed) address gets a confirmation link; an
/// address already subscribed gets a link to its preferences instead, so that the request's answer can be the same
/// in both cases and does not tell who subscribes.
/// </summary>
public static class ConfirmationMail
{
    public static RenderedMail Confirm(string confirmUrl, TimeSpan lifetime)
    {
        var days = Math.Max(1, (int)Math.Round(lifetime.TotalDays));
        var lines = new[]
        {
            "Someone, hopefully you, asked to receive PaperFeed digests at this address.",
            $"To confirm, open this link within {days} day{(days == 1 ? "" : "s")}:",
        };
        const string ignore = "If you did not ask for this, ignore this mail: nothing will be sent to you.";
        var text = $"{lines[0]}\n\n{lines[1]}\n{confirmUrl}\n\n{ignore}\n";
        var html = Html("Confirm your PaperFeed subscription", lines, confirmUrl, "Confirm my subscription", ignore);
        return new RenderedMail("Confirm your PaperFeed subscription", text, html);
    }

    public static RenderedMail AlreadySubscribed(string manageUrl)
    {
        var lines = new[]
        {
            "Someone, hopefully you, asked to subscribe this address to PaperFeed digests. It is already subscribed.",
            "To change what you receive, or to unsubscribe, open:",
        };
        const string ignore = "If you did not ask for this, ignore this mail: nothing changes.";
        var text = $"{lines[0]}\n\n{lines[1]}\n{manageUrl}\n\n{ignore}\n";
        var html = Html("You are already subscribed", lines, manageUrl, "Manage my subscription", ignore);
        return new RenderedMail("Your PaperFeed subscription", text, html);
    }

    private static string Html(string heading, string[] lines, string url, string button, string ignore)
    {
        var html = new StringBuilder(2048);
        MailHtmlFrame.Open(html, heading);
        foreach (var line in lines)
        {
            MailHtmlFrame.Paragraph(html, WebUtility.HtmlEncode(line));
        }

        MailHtmlFrame.Paragraph(html,
            $"<a href=\"{WebUtility.HtmlEncode(url)}\" style=\"display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold;\">{WebUtility.HtmlEncode(button)}</a>");
        MailHtmlFrame.Paragraph(html, $"Or copy this address into your browser: {WebUtility.HtmlEncode(url)}");
        MailHtmlFrame.Paragraph(html, WebUtility.HtmlEncode(ignore));
        MailHtmlFrame.Close(html, links: null);
        return html.ToString();
    }
}
