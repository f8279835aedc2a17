using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Npgsql;
using PaperFeed.Core.Ingest;

namespace PaperFeed.Data.Ingest;

/// <summary>
/// A stream of batches written into one run by <see cref="PaperBatchWriter"/>'s lanes, each lane on its own
/// connection working through its parts in order. A lane goes on with its part of the next batch as soon as it has
/// committed the last one, and the next batch is staged (identity, fingerprints) while the lanes write: waiting for
/// every lane to commit before staging the next batch had left about a fifth of both cores idle at 1M papers.
/// </summary>
/// <remarks>
/// The number of lanes is set by the first batch (<see cref="PaperBatchWriter.LanesFor"/>), so that a source smaller
/// than one batch is still written in one transaction, all or nothing. A lane that fails stops the others; the
/// failure is rethrown by the next <see cref="AddAsync"/> or by <see cref="CompleteAsync"/>. Parts already committed
/// stay stored, each paper complete.
/// </remarks>
public sealed class BatchPipeline : IAsyncDisposable
{
    // One part waiting per lane while the lane writes another: enough to keep it busy, and memory stays at a few batches.
    private const int PartsQueuedPerLane = 1;

    private readonly PaperBatchWriter _writer;
    private readonly long _ingestRunId;
    private readonly string _sourceName;
    private readonly CancellationTokenSource _stop;
    private readonly Lock _countsLock = new();
    private Channel<LanePart>[] _lanes = [];
    private Task[] _laneTasks = [];
    private BatchCounts _committed;
    private ExceptionDispatchInfo? _failure;

    internal BatchPipeline(PaperBatchWriter writer, long ingestRunId, string sourceName, CancellationToken cancellationToken)
    {
        _writer = writer;
        _ingestRunId = ingestRunId;
        _sourceName = sourceName;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>What the committed parts did to the store so far.</summary>
    public BatchCounts Committed
    {
        get
        {
            lock (_countsLock)
            {
                return _committed;
            }
        }
    }

    /// <summary>Stages a batch and hands its parts to the lanes; waits only while a lane already has a part queued.</summary>
    public async Task AddAsync(IReadOnlyList<SourceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (_lanes.Length == 0)
        {
            StartLanes(_writer.LanesFor(entries.Count));
        }

        _failure?.Throw();
        var (parts, rejections) = PaperBatchWriter.Split(entries, _lanes.Length);
        try
        {
            for (var lane = 0; lane < _lanes.Length; lane++)
            {
                await _lanes[lane].Writer.WriteAsync(new LanePart(parts[lane], lane == 0 ? rejections : []), _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_failure is not null)
        {
            _failure.Throw();
        }
    }

    /// <summary>Waits until every lane has committed all its parts; returns what the whole stream did.</summary>
    public async Task<BatchCounts> CompleteAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        try
        {
            await Task.WhenAll(_laneTasks);
        }
        catch (OperationCanceledException) when (_failure is not null)
        {
        }

        _failure?.Throw();
        return Committed;
    }

    /// <summary>Stops the lanes without waiting for their queued parts (after a failure elsewhere).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await _stop.CancelAsync();
        await Task.WhenAll(_laneTasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private void StartLanes(int count)
    {
        _lanes = Enumerable.Range(0, count)
            .Select(_ => Channel.CreateBounded<LanePart>(new BoundedChannelOptions(PartsQueuedPerLane) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        _laneTasks = _lanes.Select(lane => Task.Run(() => RunLaneAsync(lane.Reader))).ToArray();
    }

    private async Task RunLaneAsync(ChannelReader<LanePart> parts)
    {
        NpgsqlConnection? connection = null;
        try
        {
            await foreach (var part in parts.ReadAllAsync(_stop.Token))
            {
                connection ??= await _writer.DataSource.OpenConnectionAsync(_stop.Token);
                var counts = await PaperBatchWriter.WriteLaneAsync(connection, _ingestRunId, _sourceName, part.Papers, part.Rejections, _stop.Token);
                lock (_countsLock)
                {
                    _committed += counts;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            await _stop.CancelAsync();
            throw;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed record LanePart(List<StagedPaper> Papers, IReadOnlyList<SourceEntry> Rejections);
}
