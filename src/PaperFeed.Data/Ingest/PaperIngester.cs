using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;

namespace PaperFeed.Data.Ingest;

/// <summary>
/// Ingests one source end to end: records the run, streams the source through <see cref="PaperSourceReader"/>,
/// writes it in atomic batches (<see cref="PaperBatchWriter"/>) and records the outcome.
/// </summary>
/// <remarks>
/// A source that fails as a whole (not text, truncated, wrong format) is detected while streaming. A source
/// smaller than one batch is therefore written all or nothing; a larger one keeps the batches written before the
/// failure, each of them complete.
/// </remarks>
public sealed class PaperIngester(
    IDbContextFactory<PaperFeedDbContext> dbFactory, PaperBatchWriter writer, PaperSourceReader reader, TimeProvider clock)
{
    public const int DefaultBatchSize = 5_000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    public async Task<IngestOutcome> IngestFileAsync(string path, string? format, CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await RecordUnreadableAsync(path, e.Message, cancellationToken);
        }

        await using (stream)
        {
            return await IngestAsync(stream, path, format, cancellationToken);
        }
    }

    public async Task<IngestOutcome> IngestAsync(Stream stream, string sourceName, string? format, CancellationToken cancellationToken)
    {
        var run = await StartRunAsync(sourceName, format, cancellationToken);
        var context = new ParseContext(sourceName, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var counts = new BatchCounts();
        var batch = new List<SourceEntry>(BatchSize);
        try
        {
            await foreach (var entry in reader.ReadAsync(stream, context, format, cancellationToken))
            {
                batch.Add(entry);
                if (batch.Count >= BatchSize)
                {
                    counts += await writer.WriteAsync(run.Id, sourceName, batch, cancellationToken);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                counts += await writer.WriteAsync(run.Id, sourceName, batch, cancellationToken);
            }
        }
        catch (SourceFormatException e)
        {
            await FinishRunAsync(run.Id, counts, e.Message, cancellationToken);
            return new IngestOutcome(sourceName, counts, e.Message);
        }

        await FinishRunAsync(run.Id, counts, error: null, cancellationToken);
        return new IngestOutcome(sourceName, counts, Error: null);
    }

    private async Task<IngestOutcome> RecordUnreadableAsync(string sourceName, string reason, CancellationToken cancellationToken)
    {
        var message = $"{sourceName}: cannot open: {reason}";
        var run = await StartRunAsync(sourceName, format: null, cancellationToken);
        await FinishRunAsync(run.Id, new BatchCounts(), message, cancellationToken);
        return new IngestOutcome(sourceName, new BatchCounts(), message);
    }

    private async Task<IngestRun> StartRunAsync(string sourceName, string? format, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = new IngestRun { Source = sourceName, Format = format, StartedAt = clock.GetUtcNow(), Status = IngestRunStatus.Running };
        db.IngestRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    private async Task FinishRunAsync(long runId, BatchCounts counts, string? error, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.IngestRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
            set => set
                .SetProperty(r => r.FinishedAt, clock.GetUtcNow())
                .SetProperty(r => r.Status, error is null ? IngestRunStatus.Succeeded : IngestRunStatus.Failed)
                .SetProperty(r => r.Inserted, counts.Inserted)
                .SetProperty(r => r.Updated, counts.Updated)
                .SetProperty(r => r.Unchanged, counts.Unchanged)
                .SetProperty(r => r.Rejected, counts.Rejected)
                .SetProperty(r => r.Error, error),
            cancellationToken);
    }
}

/// <summary>The result of ingesting one source; <see cref="Error"/> is set when the source failed as a whole.</summary>
public sealed record IngestOutcome(string Source, BatchCounts Counts, string? Error)
{
    public bool Succeeded => Error is null;
}
