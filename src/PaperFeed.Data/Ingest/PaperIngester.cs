using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;
using PaperFeed.Data.Search;

namespace PaperFeed.Data.Ingest;

/// <summary>
/// Ingests one source end to end: records the run, streams the source through <see cref="PaperSourceReader"/>,
/// writes it in atomic batches (<see cref="PaperBatchWriter"/>) and records the outcome. A live harvest writes its
/// pages into one run as they arrive: <see cref="StartRunAsync"/>, <see cref="WriteAsync"/> per page,
/// <see cref="FinishRunAsync"/>.
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
    BulkLoadIndexes bulkLoadIndexes,
    PaperSourceReader reader,
    TimeProvider clock)
{
    public const int DefaultBatchSize = 5_000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// A run that has inserted at least this many papers, and a fifth of the table, is a bulk load: it drops the
    /// secondary indexes of <c>papers</c> (<see cref="BulkLoadIndexes"/>) and builds them once when it finishes.
    /// </summary>
    public int BulkThreshold { get; init; } = DefaultBulkThreshold;

    public const int DefaultBulkThreshold = 10_000;

    /// <param name="refreshSearchIndex">
    /// False: the run ends with its papers queued for the search index, and the caller brings the index up to date
    /// once after its last source (<see cref="RefreshSearchIndexAsync"/>): an ingest of many small files then pays the
    /// refresh's fixed cost (weighting check, queue sample, commits) once, not per file. A crash before that leaves
    /// them queued, and the next refresh indexes them.
    /// </param>
    public async Task<IngestOutcome> IngestFileAsync(
        string path, string? format, CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null,
        bool refreshSearchIndex = true)
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
            return await IngestAsync(stream, path, format, cancellationToken, progress, refreshSearchIndex);
        }
    }

    /// <param name="refreshSearchIndex">As for <see cref="IngestFileAsync"/>.</param>
    public async Task<IngestOutcome> IngestAsync(
        Stream stream, string sourceName, string? format, CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null,
        bool refreshSearchIndex = true)
    {
        var run = await StartRunAsync(sourceName, format, cancellationToken);
        string? error = null;
        try
        {
            await WriteAsync(run, stream, sourceName, cancellationToken, progress);
        }
        catch (SourceFormatException e)
        {
            error = e.Message;
        }

        return await FinishRunAsync(run, error, cancellationToken, refreshSearchIndex);
    }

    /// <summary>
    /// Records the start of a run that documents are then written into one by one (<see cref="WriteAsync"/>) and
    /// that <see cref="FinishRunAsync"/> ends: a live harvest stores each page as it arrives, as one run.
    /// </summary>
    /// <param name="format">The format every document is read as; null to detect it from each document.</param>
    public async Task<OpenIngestRun> StartRunAsync(string sourceName, string? format, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = new IngestRun { Source = sourceName, Format = format, StartedAt = clock.GetUtcNow(), Status = IngestRunStatus.Running };
        db.IngestRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        // The planner's estimate is free at any size and close enough to tell a bulk load; a table never analysed
        // has none (-1) and is counted.
        var papers = await db.Database.SqlQueryRaw<long>(
            "SELECT CASE WHEN reltuples < 0 THEN (SELECT count(*) FROM papers) ELSE reltuples::bigint END AS \"Value\" FROM pg_class WHERE oid = 'papers'::regclass")
            .SingleAsync(cancellationToken);
        return new OpenIngestRun(run.Id, sourceName, format) { PapersAtStart = papers };
    }

    /// <summary>
    /// Streams one document into an open run in atomic batches, adding to the run's counts. When this returns, the
    /// document is stored (not yet searchable: <see cref="FinishRunAsync"/> brings the index up to date).
    /// </summary>
    /// <param name="documentName">The file or URL, named in error messages and rejected-record rows.</param>
    /// <exception cref="SourceFormatException">
    /// The document cannot be read as a whole; the batches written before the failure stay stored and counted.
    /// </exception>
    public async Task WriteAsync(
        OpenIngestRun run, Stream document, string documentName, CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var context = new ParseContext(documentName, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var merging = Stopwatch.StartNew();
        var before = run.Counts;
        await using var pipeline = writer.Start(run.Id, documentName, cancellationToken);
        try
        {
            await foreach (var batch in ParseInBatchesAsync(document, context, run.Format, cancellationToken))
            {
                await pipeline.AddAsync(batch);
                run.Counts = before + pipeline.Committed;
                if (!run.DroppedIndexes && run.Counts.Inserted >= BulkThreshold && run.Counts.Inserted * 5L >= run.PapersAtStart + run.Counts.Inserted)
                {
                    run.DroppedIndexes = await bulkLoadIndexes.DropAsync(cancellationToken);
                }

                progress?.Report(new IngestProgress(run.Counts.Records, document.CanSeek ? document.Position : null));
            }

            run.Counts = before + await pipeline.CompleteAsync();
        }
        catch (SourceFormatException)
        {
            // The batches parsed before the failure are stored and counted, as documented.
            run.Counts = before + await pipeline.CompleteAsync();
            throw;
        }
        finally
        {
            run.MergeTime += merging.Elapsed;
        }
    }

    /// <summary>
    /// Ends a run: brings the full-text index up to date (done means searchable) and builds the indexes a bulk load
    /// dropped (alongside the full-text GIN build), then records the counts and the outcome; <paramref name="error"/> marks the run failed.
    /// </summary>
    /// <param name="refreshSearchIndex">False: the index is left to the caller, as for <see cref="IngestFileAsync"/>.</param>
    public async Task<IngestOutcome> FinishRunAsync(
        OpenIngestRun run, string? error, CancellationToken cancellationToken, bool refreshSearchIndex = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        var indexTime = refreshSearchIndex ? await RefreshSearchIndexAsync(cancellationToken) : TimeSpan.Zero;
        await RecordOutcomeAsync(run.Id, run.Counts, error, cancellationToken);
        return new IngestOutcome(run.Source, run.Counts, error) { MergeTime = run.MergeTime, IndexTime = indexTime };
    }

    /// <summary>
    /// Brings the full-text index up to date with every queued paper and builds the indexes a bulk load dropped
    /// (alongside the full-text GIN build); returns how long it took.
    /// </summary>
    public async Task<TimeSpan> RefreshSearchIndexAsync(CancellationToken cancellationToken)
    {
        var indexing = Stopwatch.StartNew();
        await searchIndex.RefreshAsync(async ct => await bulkLoadIndexes.EnsureAsync(ct), cancellationToken);
        return indexing.Elapsed;
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

    /// <summary>
    /// Closes the runs a crashed process left marked running; call it only while holding the ingest lock, when no
    /// other ingest can be running. Their batches stay stored: re-ingesting the source completes the work. The indexes
    /// a crashed bulk load had dropped are built again.
    /// </summary>
    public async Task<int> CloseInterruptedRunsAsync(CancellationToken cancellationToken)
    {
        await bulkLoadIndexes.EnsureAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IngestRuns.Where(r => r.Status == IngestRunStatus.Running).ExecuteUpdateAsync(
            set => set
                .SetProperty(r => r.Status, IngestRunStatus.Failed)
                .SetProperty(r => r.FinishedAt, clock.GetUtcNow())
                .SetProperty(r => r.Error, InterruptedRunError),
            cancellationToken);
    }

    public const string InterruptedRunError = "interrupted: the process ended before the run finished";

    private async Task<IngestOutcome> RecordUnreadableAsync(string sourceName, string reason, CancellationToken cancellationToken)
    {
        var message = $"{sourceName}: cannot open: {reason}";
        var run = await StartRunAsync(sourceName, format: null, cancellationToken);
        await RecordOutcomeAsync(run.Id, new BatchCounts(), message, cancellationToken);
        return new IngestOutcome(sourceName, new BatchCounts(), message);
    }

    private async Task RecordOutcomeAsync(long runId, BatchCounts counts, string? error, CancellationToken cancellationToken)
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
