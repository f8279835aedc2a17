using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PaperFeed.Data.Digests;

namespace PaperFeed.Worker.Digests;

/// <summary>
/// Sends what the outbox holds that is due: claims one mail at a time (several workers take disjoint mails), hands
/// it over, records the outcome. Paced by <see cref="SmtpOptions.MessagesPerSecond"/>; stops when the outbox has
/// nothing due or the server cannot be reached (the rest wait for the next pass).
/// </summary>
public sealed partial class MailSender(
    MailOutbox outbox, Func<IMailDelivery> openDelivery, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<MailSender> logger) : IDisposable
{
    private readonly RateLimiter _pace = CreatePace(options.Value.MessagesPerSecond);
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.Value.From);

    public sealed record Counts(int Sent, int Retried, int Failed, int InDoubt);

    public async Task<Counts> SendDueAsync(CancellationToken cancellationToken)
    {
        int sent = 0, retried = 0, failed = 0, inDoubt = 0;
        await using var delivery = openDelivery();
        while (true)
        {
            using var lease = await _pace.AcquireAsync(1, cancellationToken);
            var mail = await outbox.ClaimNextAsync(clock.GetUtcNow(), cancellationToken);
            if (mail is null)
            {
                break;
            }

            try
            {
                await delivery.DeliverAsync(OutboxMessage.Build(mail, _from, clock.GetUtcNow()), cancellationToken);
                // Recorded even if the run is being stopped: the server has the mail.
                await outbox.MarkSentAsync(mail, clock.GetUtcNow(), CancellationToken.None);
                sent++;
            }
            catch (MailDeliveryException e)
            {
                LogFailure(logger, mail.Id, mail.Kind, mail.SubscriberId, mail.Attempts, e.Failure, e.Message);
                switch (await RecordAsync(mail, e))
                {
                    case DeliveryFailure.Transient: retried++; break;
                    case DeliveryFailure.Permanent: failed++; break;
                    default: inDoubt++; break;
                }

                if (e.ServerUnreachable)
                {
                    break;
                }
            }
        }

        return new Counts(sent, retried, failed, inDoubt);
    }

    /// <returns>How the mail ended up counted: Transient when queued again, Permanent when failed, InDoubt.</returns>
    private async Task<DeliveryFailure> RecordAsync(ClaimedMail mail, MailDeliveryException e)
    {
        var now = clock.GetUtcNow();
        switch (e.Failure)
        {
            case DeliveryFailure.Transient:
                var outcome = await outbox.RetryLaterAsync(mail, e.Message, now, CancellationToken.None);
                return outcome == FailureOutcome.Retrying ? DeliveryFailure.Transient : DeliveryFailure.Permanent;
            case DeliveryFailure.Permanent:
                await outbox.FailAsync(mail, e.Message, now, CancellationToken.None);
                return DeliveryFailure.Permanent;
            default:
                await outbox.MarkInDoubtAsync(mail, e.Message, CancellationToken.None);
                return DeliveryFailure.InDoubt;
        }
    }

    private static TokenBucketRateLimiter CreatePace(double perSecond)
    {
        // Refill at least every 50 ms (timer resolution), with as many tokens as that period is worth.
        var period = TimeSpan.FromSeconds(Math.Max(1 / perSecond, 0.05));
        var tokens = Math.Max(1, (int)Math.Round(perSecond * period.TotalSeconds));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 1,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose() => _pace.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} ({Kind}) to subscriber {SubscriberId}, attempt {Attempt}: {Failure}: {Error}")]
    private static partial void LogFailure(ILogger logger, long mailId, MailKind kind, long subscriberId, int attempt, DeliveryFailure failure, string error);
}
