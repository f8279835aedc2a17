using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PaperFeed.Data.Embeddings;

namespace PaperFeed.Worker.Embeddings;

/// <summary>
/// Keeps semantic search current: every <see cref="EmbeddingOptions.PollInterval"/>, once papers were added or
/// changed, embeds them under the active model; fits the first corpus model once there are enough papers, refits
/// when the corpus has grown, and switches models when the configured provider changes. Any number of workers may
/// run: the <see cref="EmbeddingLock"/> lets one of them work at a time, and the others skip that turn.
/// </summary>
internal sealed partial class PaperEmbeddingService(
    EmbeddingMaintenance maintenance,
    NpgsqlDataSource dataSource,
    IOptions<EmbeddingOptions> options,
    TimeProvider clock,
    ILogger<PaperEmbeddingService> logger) : BackgroundService
{
    private long? _lastChangeCount;
    private DateTimeOffset? _lastPassStart;

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

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>One turn; false when another process holds the embedding lock.</summary>
    internal async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var embeddingLock = await EmbeddingLock.TryAcquireAsync(dataSource, cancellationToken);
        if (embeddingLock is null)
        {
            LogAnotherProcessEmbedding(logger);
            return false;
        }

        // The statistics collector's count of rows written to papers: nothing changed, nothing to embed. It also
        // moves with a growing corpus, which is when a refit may be due.
        var changes = await PaperChangeCountAsync(cancellationToken);
        if (changes == _lastChangeCount)
        {
            return true;
        }

        var started = await DatabaseNowAsync(cancellationToken);
        // Papers updated since the previous turn began (with a margin for transactions still open then) may have a
        // new abstract: they are embedded again.
        var changedSince = _lastPassStart - TimeSpan.FromMinutes(5);
        var result = await maintenance.RunPassAsync(changedSince, cancellationToken);
        if (result.Counts.Embedded > 0)
        {
            LogEmbedded(logger, result.Counts.Embedded, result.Counts.WithoutKnownWords);
        }

        _lastChangeCount = changes;
        _lastPassStart = started;
        return true;
    }

    private async Task<long> PaperChangeCountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT coalesce((SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables WHERE relid = 'papers'::regclass), -1)");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<DateTimeOffset> DatabaseNowAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT now()");
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(cancellationToken))!, TimeSpan.Zero);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedding pass failed; trying again at the next turn")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another process holds the embedding lock; skipping this turn")]
    private static partial void LogAnotherProcessEmbedding(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded {Embedded} papers ({WithoutKnownWords} without a word the model knows)")]
    private static partial void LogEmbedded(ILogger logger, long embedded, long withoutKnownWords);
}
