using Cronos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PaperFeed.Data.Ingest;

namespace PaperFeed.Worker.Ingest;

/// <summary>
/// Ingests the configured sources on their cron schedules. Any number of workers may run: the
/// <see cref="IngestLock"/> lets only one of them ingest at a time, and the others skip that occurrence.
/// </summary>
internal sealed partial class ScheduledIngestService(
    IOptions<ScheduledIngestOptions> options,
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    TimeProvider clock,
    ILogger<ScheduledIngestService> logger) : BackgroundService
{
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
            try
            {
                await RunOccurrenceAsync(due, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database or the network may be back by the next occurrence: the worker keeps its schedule.
                LogOccurrenceFailed(logger, e);
            }
        }
    }

    /// <summary>
    /// Ingests the sources due now, unless another worker is ingesting: then returns null and leaves this occurrence
    /// to it. A source that fails is logged and recorded in its run, and the next one still runs.
    /// </summary>
    internal async Task<IReadOnlyList<IngestOutcome>?> RunOccurrenceAsync(IReadOnlyList<ScheduledSource> sources, CancellationToken cancellationToken)
    {
        await using var ingestLock = await IngestLock.TryAcquireAsync(dataSource, cancellationToken);
        if (ingestLock is null)
        {
            LogAnotherWorkerIngesting(logger);
            return null;
        }

        // A scope per occurrence: the live sources' typed HTTP clients are short-lived by design.
        await using var scope = scopes.CreateAsyncScope();
        // Holding the lock, this is the only ingest: runs still marked running were cut short by a crash.
        await scope.ServiceProvider.GetRequiredService<PaperIngester>().CloseInterruptedRunsAsync(cancellationToken);
        var runner = scope.ServiceProvider.GetRequiredService<ScheduledSourceRunner>();
        var outcomes = new List<IngestOutcome>();
        foreach (var source in sources)
        {
            foreach (var outcome in await runner.RunAsync(source, cancellationToken))
            {
                LogIngested(logger, outcome.Source, outcome.Counts.Inserted, outcome.Counts.Updated, outcome.Counts.Unchanged, outcome.Counts.Rejected, outcome.Error);
                outcomes.Add(outcome);
            }
        }

        return outcomes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No sources scheduled (configuration section {Section}); the ingest scheduler is idle")]
    private static partial void LogNothingScheduled(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled ingest failed; trying again at the next occurrence")]
    private static partial void LogOccurrenceFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another worker holds the ingest lock; skipping this occurrence")]
    private static partial void LogAnotherWorkerIngesting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Source}: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected; error: {Error}")]
    private static partial void LogIngested(ILogger logger, string source, int inserted, int updated, int unchanged, int rejected, string? error);
}
