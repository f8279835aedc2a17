using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PaperFeed.Data;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Similar;

namespace PaperFeed.Worker.Search;

/// <summary>
/// Computes the similar-paper lists that are missing or stale (<see cref="SimilarPaperLists"/>), newest papers first,
/// so that readers find them stored: every <see cref="SimilarPaperListOptions.RefreshInterval"/> it works through
/// what is due, one list at a time (a web instance sharing the machine keeps the other core). Any number of workers
/// may run: an advisory lock lets one of them refresh at a time.
/// </summary>
internal sealed partial class SimilarPaperListService(
    PaperSearch search,
    SimilarPaperLists lists,
    NpgsqlDataSource dataSource,
    IOptions<SimilarPaperListOptions> options,
    TimeProvider clock,
    ILogger<SimilarPaperListService> logger) : BackgroundService
{
    // Arbitrary but fixed, and apart from the ingest and embedding locks' keys: all three run side by side.
    private const long LockKey = 0x5046_5369_6D69_6C72; // "PFSimilr"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be back at the next turn: the worker keeps going.
                LogPassFailed(logger, e);
            }

            await Task.Delay(options.Value.RefreshInterval, clock, stoppingToken);
        }
    }

    /// <summary>One turn: refreshes every list that is due; returns how many, or null when another process holds the lock.</summary>
    internal async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var refreshLock = await AdvisoryLock.TryAcquireAsync(dataSource, LockKey, cancellationToken);
        if (refreshLock is null)
        {
            return null;
        }

        var refreshed = 0;
        while (await lists.ActiveModelIdAsync(cancellationToken) is { } model)
        {
            var due = await lists.DueAsync(model, options.Value.RefreshBatchSize, cancellationToken);
            foreach (var paperId in due)
            {
                await search.RefreshSimilarAsync(paperId, model, cancellationToken);
                refreshed++;
            }

            if (due.Count < options.Value.RefreshBatchSize)
            {
                break;
            }
        }

        if (refreshed > 0)
        {
            LogRefreshed(logger, refreshed);
        }

        return refreshed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the similar papers of {Count} papers")]
    private static partial void LogRefreshed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Similar-paper refresh failed; trying again at the next turn")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
