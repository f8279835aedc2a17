using Microsoft.Extensions.Logging;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.OaiPmh;
using PaperFeed.Data.Ingest;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>
/// Harvests an OAI-PMH <c>ListRecords</c> list, following its <c>resumptionToken</c>s and storing each part as it
/// arrives, all as one ingest run. The token is checkpointed after each stored part: a harvest stopped by a crash
/// resumes from it, and one whose token has expired meanwhile (<c>badResumptionToken</c>) starts its date range
/// over, which re-stores what it had already stored and changes nothing.
/// </summary>
internal sealed partial class OaiPmhHarvester(
    SourceFetcher fetcher, PaperIngester ingester, HarvestCheckpoints checkpoints, TimeProvider clock, ILogger<OaiPmhHarvester> logger)
{
    public async Task<IngestOutcome> HarvestAsync(OaiHarvestRequest request, CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await PlanAsync(request, cancellationToken);
        var run = await ingester.StartRunAsync(request.SourceKey, OaiPmhParser.FormatName, cancellationToken);
        string? error = null;
        try
        {
            await HarvestListAsync(request, plan, run, cancellationToken, progress);
        }
        catch (Exception e) when (e is SourceFormatException or SourceFetchException)
        {
            error = e.Message;
        }

        return await ingester.FinishRunAsync(run, error, cancellationToken);
    }

    /// <summary>Resume an interrupted harvest from its token, or start a new one over the range it should cover.</summary>
    private async Task<HarvestPlan> PlanAsync(OaiHarvestRequest request, CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.FindAsync(request.SourceKey, cancellationToken);
        if (checkpoint is { Token: { } token })
        {
            LogResuming(logger, request.SourceKey, token);
            return new HarvestPlan(checkpoint.From, checkpoint.Until, request.ResumeUrl(token));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (from, until) = request.Incremental
            ? (checkpoint?.HarvestedUntil ?? request.From, request.Until ?? today)
            : (request.From, request.Until);
        var first = request.StartToken is { } startToken ? request.ResumeUrl(startToken) : request.ListRecordsUrl(from, until);
        return new HarvestPlan(from, until, first);
    }

    private async Task HarvestListAsync(
        OaiHarvestRequest request, HarvestPlan plan, OpenIngestRun run, CancellationToken cancellationToken, IProgress<IngestProgress>? progress)
    {
        var restarted = false;
        long bytes = 0;
        Uri? next = plan.FirstUrl;
        while (next is not null)
        {
            var page = await fetcher.GetAsync(next, cancellationToken);
            bytes += page.Length;
            OaiPmhResumptionToken? token;
            try
            {
                token = await OaiPmhResponse.ReadResumptionTokenAsync(new StreamReader(new MemoryStream(page)), next.ToString(), cancellationToken);
            }
            catch (SourceFormatException e) when (IsBadResumptionToken(e) && !restarted && request.MetadataPrefix is not null)
            {
                LogRestarting(logger, request.SourceKey, e.Reason);
                restarted = true; // once: a token that expires again points at a deeper problem
                next = request.ListRecordsUrl(plan.From, plan.Until);
                continue;
            }

            await ingester.WriteAsync(run, new MemoryStream(page), next.ToString(), cancellationToken);
            progress?.Report(new IngestProgress(run.Counts.Records, bytes));
            if (token is { HasMore: true })
            {
                await checkpoints.SaveProgressAsync(request.SourceKey, token.Value, plan.From, plan.Until, cancellationToken);
                next = request.ResumeUrl(token.Value);
            }
            else
            {
                await checkpoints.SaveCompletedAsync(request.SourceKey, request.Incremental ? plan.Until : null, cancellationToken);
                next = null;
            }
        }
    }

    // OaiPmhResponse reports protocol errors as "OAI-PMH error CODE: message".
    private static bool IsBadResumptionToken(SourceFormatException e) =>
        e.Reason.StartsWith("OAI-PMH error badResumptionToken", StringComparison.Ordinal);

    private sealed record HarvestPlan(DateOnly? From, DateOnly? Until, Uri FirstUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Source} from resumptionToken {Token}, where an interrupted harvest stopped")]
    private static partial void LogResuming(ILogger logger, string source, string token);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source}: {Reason}; starting the date range over")]
    private static partial void LogRestarting(ILogger logger, string source, string reason);
}
