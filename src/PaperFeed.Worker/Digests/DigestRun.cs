using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperFeed.Data.Digests;

namespace PaperFeed.Worker.Digests;

/// <summary>
/// One run of the digest job: composes and queues what is due now, then sends what the outbox holds that is due
/// (confirmation mails included). Safe to repeat and to run in several workers at once, and after a crash: queueing
/// is unique per (subscriber, period) and sending is at most once.
/// </summary>
public sealed partial class DigestRun(
    IServiceScopeFactory scopes, MailOutbox outbox, MailSender sender, DigestMetrics metrics, TimeProvider clock, ILogger<DigestRun> logger)
{
    public async Task<DigestRunCounts> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var abandoned = await outbox.ExpireAbandonedAsync(now, cancellationToken);
        if (abandoned > 0)
        {
            LogAbandoned(logger, abandoned);
        }

        DigestQueueCounts queued;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var due = scope.ServiceProvider.GetRequiredService<DueDigests>();
            var links = scope.ServiceProvider.GetRequiredService<SubscriptionLinks>();
            queued = await due.QueueAsync(now, links.PaperUrl, cancellationToken);
        }

        var sent = await sender.SendDueAsync(cancellationToken);
        var counts = new DigestRunCounts(
            queued.Composed, queued.AlreadyQueued, queued.Empty, sent.Sent, sent.Retried, sent.Failed, sent.InDoubt + abandoned);
        metrics.Record(counts);
        if (counts != DigestRunCounts.None)
        {
            LogRun(logger, counts.Composed, counts.Sent, counts.Retried, counts.Failed, counts.InDoubt, counts.AlreadyQueued, counts.Empty);
        }

        return counts;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} mails were being sent when their worker stopped; they may have gone out and are not resent (InDoubt)")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest run: {Composed} composed, {Sent} sent, {Retried} retried, {Failed} failed, {InDoubt} in doubt ({AlreadyQueued} already queued, {Empty} with nothing new)")]
    private static partial void LogRun(ILogger logger, int composed, int sent, int retried, int failed, int inDoubt, int alreadyQueued, int empty);
}
