using MimeKit;

namespace PaperFeed.Worker.Digests;

/// <summary>Hands messages to the mail system: an SMTP server, or a folder of .eml files. One instance per sending pass.</summary>
public interface IMailDelivery : IAsyncDisposable
{
    /// <summary>Delivers one message, or throws <see cref="MailDeliveryException"/> saying what the failure means.</summary>
    Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken);
}

public enum DeliveryFailure
{
    /// <summary>Not accepted, worth retrying: a 4xx reply, or no connection before anything was handed over.</summary>
    Transient,

    /// <summary>Refused for good: a 5xx reply.</summary>
    Permanent,

    /// <summary>The connection broke while the message was being handed over: it may have been accepted.</summary>
    InDoubt,
}

public sealed class MailDeliveryException(DeliveryFailure failure, string message, Exception? inner = null, bool serverUnreachable = false)
    : Exception(message, inner)
{
    public DeliveryFailure Failure { get; } = failure;

    /// <summary>No connection could be made: the next mails would fail alike, so the pass stops here.</summary>
    public bool ServerUnreachable { get; } = serverUnreachable;
}
