using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PaperFeed.Data.Ingest;

namespace PaperFeed.Worker.Ingest;

/// <summary>
/// Ingests the configured sources on their cron schedules. Any number of workers may run: a PostgreSQL
/// advisory lock lets only one of them ingest at a time, and the others skip that occurrence.
/// </summary>
internal sealed partial class ScheduledIngestService(
    IOptions<ScheduledIngestOptions> options,
    PaperIngester ingester,
    NpgsqlDataSource dataSource,
    TimeProvider clock,
    ILogger<ScheduledIngestService> logger) : BackgroundService
{
    // Arbitrary but fixed: the key every PaperFeed worker uses for "an ingest is in progress".
    private const long IngestLockKey = 0x5061_7065_7246_6565; // "PaperFee"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = options.Value.Sources
            .Select(source => (Source: source, Cron: CronExpression.Parse(source.Cron)))
            .ToList();
        if (schedule.Count == 0)
        {
            LogNothingScheduled(logger, ScheduledIngestOptions.Section);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var (next, due) = schedule
                .Select(s => (At: s.Cron.GetNextOccurrence(now, TimeZoneInfo.Utc), s.Source))
                .Where(s => s.At is not null)
                .Select(s => (At: s.At!.Value, s.Source))
                .GroupBy(s => s.At)
                .OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Select(s => s.Source).ToList()))
                .FirstOrDefault();
            if (due is null)
            {
                return;
            }

            await Task.Delay(next - now, clock, stoppingToken);
            await IngestUnderLockAsync(due, stoppingToken);
        }
    }

    private async Task IngestUnderLockAsync(List<ScheduledSource> sources, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = IngestLockKey } } };
        if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
        {
            LogAnotherWorkerIngesting(logger);
            return;
        }

        try
        {
            foreach (var source in sources)
            {
                foreach (var file in SourcePaths.Expand([source.Path]))
                {
                    var outcome = await ingester.IngestFileAsync(file, source.Format, cancellationToken);
                    LogIngested(logger, file, outcome.Counts.Inserted, outcome.Counts.Updated, outcome.Counts.Unchanged, outcome.Counts.Rejected, outcome.Error);
                }
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = IngestLockKey } } };
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No sources scheduled (configuration section {Section}); the ingest scheduler is idle")]
    private static partial void LogNothingScheduled(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another worker holds the ingest lock; skipping this occurrence")]
    private static partial void LogAnotherWorkerIngesting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Source}: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected; error: {Error}")]
    private static partial void LogIngested(ILogger logger, string source, int inserted, int updated, int unchanged, int rejected, string? error);
}
