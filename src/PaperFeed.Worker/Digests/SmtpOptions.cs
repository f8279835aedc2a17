using MailKit.Security;

namespace PaperFeed.Worker.Digests;

/// <summary>
/// Where mail goes, bound from <c>Smtp</c> (environment: <c>Smtp__Host</c>, <c>Smtp__Port</c>, ...). Without a
/// <see cref="Host"/>, mail is written to <see cref="PickupDirectory"/> instead, one .eml file a message, so that a
/// subscription can be confirmed on a machine with no mail server.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's SecureSocketOptions: StartTls (required), StartTlsWhenAvailable (default), SslOnConnect (port 465), None, Auto.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>Log in with these when set (after STARTTLS).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The From header: an address, optionally with a display name ("PaperFeed &lt;digests@example.org&gt;").</summary>
    public string From { get; set; } = "PaperFeed <digests@localhost>";

    /// <summary>The most messages handed over per second, over all of this worker's sending.</summary>
    public double MessagesPerSecond { get; set; } = 10;

    /// <summary>How long one SMTP operation may take before it counts as a connection failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The folder of .eml files when no Host is set.</summary>
    public string PickupDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "paperfeed-mail");

    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(Host);

    internal bool IsValid =>
        Port is > 0 and <= 65535 && MessagesPerSecond > 0 && Timeout > TimeSpan.Zero
        && MimeKit.MailboxAddress.TryParse(From, out _) && (!UsesPickupDirectory || !string.IsNullOrWhiteSpace(PickupDirectory));

    internal const string ValidationMessage =
        "Smtp: Port 1..65535, MessagesPerSecond > 0, a positive Timeout, From a mail address (\"PaperFeed <digests@example.org>\"), and a PickupDirectory when no Host is set.";
}
