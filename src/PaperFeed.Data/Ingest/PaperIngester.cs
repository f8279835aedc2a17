using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;
using PaperFeed.Data.Search;

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
    IDbContextFactory<PaperFeedDbContext> dbFactory,
    PaperBatchWriter writer,
    SearchIndexRefresher searchIndex,
    PaperSourceReader reader,
    TimeProvider clock)
{
    public const int DefaultBatchSize = 5_000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    public async Task<IngestOutcome> IngestFileAsync(
        string path, string? format, CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null)
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
            return await IngestAsync(stream, path, format, cancellationToken, progress);
        }
    }

    public async Task<IngestOutcome> IngestAsync(
        Stream stream, string sourceName, string? format, CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null)
    {
        var run = await StartRunAsync(sourceName, format, cancellationToken);
        var context = new ParseContext(sourceName, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var counts = new BatchCounts();
        string? error = null;
        var merging = Stopwatch.StartNew();
        try
        {
            await foreach (var batch in ParseInBatchesAsync(stream, context, format, cancellationToken))
            {
                counts += await writer.WriteAsync(run.Id, sourceName, batch, cancellationToken);
                progress?.Report(new IngestProgress(counts.Records, stream.CanSeek ? stream.Position : null));
            }
        }
        catch (SourceFormatException e)
        {
            error = e.Message;
        }

        merging.Stop();

        // Done means searchable: the run ends when the full-text index covers what it wrote.
        var indexing = Stopwatch.StartNew();
        await searchIndex.RefreshAsync(cancellationToken: cancellationToken);
        await FinishRunAsync(run.Id, counts, error, cancellationToken);
        return new IngestOutcome(sourceName, counts, error) { MergeTime = merging.Elapsed, IndexTime = indexing.Elapsed };
    }

    /// <summary>
    /// Parses on its own task, a bounded number of batches ahead of the writer, so that parsing and the database
    /// merge overlap (two cores busy) while memory stays at a few batches whatever the size of the source. A batch
    /// is handed over only when full, or at the end of a source that parsed to the end: a source that fails before
    /// its first full batch therefore writes nothing.
    /// </summary>
    private async IAsyncEnumerable<List<SourceEntry>> ParseInBatchesAsync(
        Stream stream, ParseContext context, string? format, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<List<SourceEntry>>(
            new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var parsing = Task.Run(
            async () =>
            {
                try
                {
                    var batch = new List<SourceEntry>(BatchSize);
                    await foreach (var entry in reader.ReadAsync(stream, context, format, stop.Token))
                    {
                        batch.Add(entry);
                        if (batch.Count >= BatchSize)
                        {
                            await batches.Writer.WriteAsync(batch, stop.Token);
                            batch = new List<SourceEntry>(BatchSize);
                        }
                    }

                    if (batch.Count > 0)
                    {
                        await batches.Writer.WriteAsync(batch, stop.Token);
                    }
                }
                finally
                {
                    batches.Writer.TryComplete();
                }
            },
            stop.Token);

        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            // The writer failed or stopped early: let the parser stop instead of waiting for room forever.
            await stop.CancelAsync();
            await Task.WhenAny(parsing);
        }

        await parsing; // rethrows what ended the parse, e.g. a SourceFormatException
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

/// <summary>How far an ingest has come: records written, and bytes of the source read when the stream tells.</summary>
public readonly record struct IngestProgress(long Records, long? Bytes);

/// <summary>The result of ingesting one source; <see cref="Error"/> is set when the source failed as a whole.</summary>
public sealed record IngestOutcome(string Source, BatchCounts Counts, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>Time spent parsing and merging into <c>papers</c> (the two overlap).</summary>
    public TimeSpan MergeTime { get; init; }

    /// <summary>Time spent afterwards bringing the full-text index up to date.</summary>
    public TimeSpan IndexTime { get; init; }
}
