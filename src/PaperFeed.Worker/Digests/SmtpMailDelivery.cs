using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace PaperFeed.Worker.Digests;

/// <summary>
/// Delivery over SMTP with MailKit, one connection kept for the pass. Failures are sorted by what they say about
/// the message: no connection (or a dead one found by NOOP before sending) means it was not handed over
/// (transient); a reply code says accepted or not (4xx transient, 5xx permanent); a connection that breaks during
/// the transaction leaves it in doubt, and an in-doubt mail is never resent (at most once).
/// </summary>
public sealed class SmtpMailDelivery(SmtpOptions options) : IMailDelivery
{
    private SmtpClient? _client;

    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var client = await ConnectedClientAsync(cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            // The server answered: the message was refused, certainly not delivered.
            var code = (int)e.StatusCode;
            throw new MailDeliveryException(code >= 500 ? DeliveryFailure.Permanent : DeliveryFailure.Transient, $"{code} {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException or OperationCanceledException)
        {
            await DropAsync();
            throw new MailDeliveryException(DeliveryFailure.InDoubt, $"connection lost during the SMTP transaction: {e.Message}", e);
        }
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open)
        {
            try
            {
                // A server that went away since the last mail is found here, before anything is handed over.
                await open.NoOpAsync(cancellationToken);
                return open;
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException)
            {
                await DropAsync();
            }
        }

        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host ?? "", options.Port, options.Security, cancellationToken);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            client.Dispose();
            throw new MailDeliveryException(DeliveryFailure.Transient, $"cannot reach {options.Host}:{options.Port}: {e.Message}", e, serverUnreachable: true);
        }

        _client = client;
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: false);
                }
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException)
            {
                // Already gone: nothing to close.
            }

            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException)
            {
                // The mails are recorded; a failed QUIT changes nothing.
            }
        }

        _client?.Dispose();
        _client = null;
    }
}
