using MimeKit;
using PaperFeed.Core.Digests;
using PaperFeed.Data.Digests;

namespace PaperFeed.Worker.Digests;

/// <summary>Builds the MIME message of an outbox mail: headers, and a multipart/alternative of the text and HTML parts.</summary>
public static class OutboxMessage
{
    public static MimeMessage Build(ClaimedMail mail, MailboxAddress from, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            // The subject was cleaned when composed; cleaned again here, since a header is where injection would bite.
            Subject = MailHeaderText.Clean(mail.Subject),
            Date = now,
            MessageId = mail.MessageId,
            Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: an https URL that a POST of "List-Unsubscribe=One-Click" unsubscribes, no login needed.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.Headers.Add(HeaderId.ListId, $"PaperFeed digests <digests.{from.Domain}>");
        }

        return message;
    }
}
