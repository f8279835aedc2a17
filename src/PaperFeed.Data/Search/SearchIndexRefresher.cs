using Npgsql;
using PaperFeed.Core.Search;

namespace PaperFeed.Data.Search;

/// <summary>
/// Brings the lexical index up to date after writes: indexes every paper queued in
/// <see cref="PendingSearchDocument"/> (new papers, papers whose text changed) in chunks of one transaction each
/// (<see cref="SearchIndexChunk"/>), on parallel connections. A large backlog (a bulk load) drops the GIN index first
/// and builds it once at the end, which is several times faster than maintaining it row by row; it also sums the
/// document frequencies in memory and writes them once (one upsert per term instead of one per chunk and term).
/// </summary>
/// <remarks>
/// The stored weights embed BM25F's length normalisation, len / avglen, with the corpus averages of the day they were
/// written (<see cref="SearchStatistics.WeightedTitleAverage"/>); recomputing every paper whenever one is added would
/// cost a full rewrite per ingest. BM25 barely moves when avglen moves a little, so the averages are frozen and only
/// when the corpus's real averages drift more than <see cref="AverageDriftTolerance"/> from them (a new kind of source,
/// the first large load) is every paper queued again and re-weighted. Before a load the averages are foreseen from a
/// sample of the queue, so that a first bulk load is weighted right the first time and not indexed twice. The
/// analyzer and the BM25 parameters are checked the same way (<see cref="Bm25Options.Signature"/>). Document
/// frequencies and the paper count are exact whenever the GIN index exists: a query reads them when it runs.
/// <para>
/// A bulk rebuild holds an advisory lock from dropping the index to building it again, and only a holder of that lock
/// builds a missing index. A rebuild that crashed left the index missing and its summed frequencies unwritten; the
/// next refresh that finds the index missing and takes the lock recounts the statistics from the index rows
/// (<see cref="SearchIndexSql.RecountStatistics"/>) before it weighs or builds anything.
/// </para>
/// </remarks>
public sealed class SearchIndexRefresher(NpgsqlDataSource dataSource, Bm25Options? options = null)
{
    public const string TermsIndexName = "ix_paper_search_terms";

    private const int SampleSize = 1_000;

    // Arbitrary but fixed, and not the ingest or embedding locks' keys.
    private const long BulkRebuildLockKey = 0x5046_5365_6172_6368; // "PFSearch"

    private readonly Bm25Options _options = options ?? new Bm25Options();

    /// <summary>Backlogs at least this large, and a fifth of the table, rebuild the GIN index from scratch.</summary>
    public int BulkThreshold { get; init; } = 10_000;

    public int ChunkSize { get; init; } = 2_000;

    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>How far (relative) the real average lengths may drift from those the weights were computed with.</summary>
    public double AverageDriftTolerance { get; init; } = 0.10;

    /// <summary>Indexes every pending paper; returns how many queue entries were processed.</summary>
    public Task<long> RefreshAsync(CancellationToken cancellationToken = default) => RefreshAsync(null, cancellationToken);

    /// <summary>Indexes every pending paper; returns how many queue entries were processed.</summary>
    /// <param name="alongsideIndexBuild">
    /// Other index builds (a bulk load's, <see cref="Ingest.BulkLoadIndexes"/>) to run while the GIN indexes are
    /// built, or after the refresh when it builds none.
    /// </param>
    public async Task<long> RefreshAsync(
        Func<CancellationToken, Task>? alongsideIndexBuild, CancellationToken cancellationToken)
    {
        var alongside = alongsideIndexBuild is null ? null : new Lazy<Task>(() => alongsideIndexBuild(cancellationToken));
        await RecoverCrashedRebuildAsync(buildIndex: false, cancellationToken);
        long indexed = 0;
        // A second round only when what was indexed moved the averages beyond the tolerance after all (the sample
        // misjudged it): every paper is then re-weighted once; a third is a safety net that never runs in practice.
        for (var round = 0; round < 3; round++)
        {
            var (pending, total, averages) = await PrepareWeightingAsync(cancellationToken);
            if (pending == 0)
            {
                break;
            }

            indexed += await IndexPendingAsync(pending, total, averages, alongside, cancellationToken);
        }

        await RecoverCrashedRebuildAsync(buildIndex: true, cancellationToken);
        await AnalyzeParentIfStaleAsync(cancellationToken);
        if (alongside is not null)
        {
            await alongside.Value;
        }

        return indexed;
    }

    // A missing index while no rebuild holds the lock: a rebuild crashed (see the remarks). The statistics are
    // recounted first, then the index is built (at the end of a refresh, so that a bulk refresh does not build it twice).
    private async Task RecoverCrashedRebuildAsync(bool buildIndex, CancellationToken cancellationToken)
    {
        if (!await TermsIndexMissingAsync(cancellationToken))
        {
            return;
        }

        await using var rebuildLock = await AdvisoryLock.TryAcquireAsync(dataSource, BulkRebuildLockKey, cancellationToken);
        if (rebuildLock is null || !await TermsIndexMissingAsync(cancellationToken))
        {
            return; // a rebuild is running, and writes its own sums and index; or one just finished
        }

        await RecountStatisticsAsync(cancellationToken);
        if (buildIndex)
        {
            await BuildTermsIndexAsync(cancellationToken);
        }
    }

    private async Task AnalyzeParentIfStaleAsync(CancellationToken cancellationToken)
    {
        await using var stale = dataSource.CreateCommand(SearchIndexSql.ParentStatisticsStale);
        if ((bool)(await stale.ExecuteScalarAsync(cancellationToken))!)
        {
            await ExecuteAsync(SearchIndexSql.AnalyzeParent, cancellationToken);
        }
    }

    // One connection per partition, each building its partition's GIN index on a core of its own.
    private async Task BuildTermsIndexAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(SearchIndexSql.Partitions.Select(partition =>
            ExecuteAsync(SearchIndexSql.CreatePartitionTermsIndex(partition), cancellationToken)));
        await ExecuteAsync(SearchIndexSql.CreateTermsIndex, cancellationToken);
    }

    private async Task<bool> TermsIndexMissingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT to_regclass('{TermsIndexName}') IS NULL");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task RecountStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var recount = new NpgsqlCommand(SearchIndexSql.RecountStatistics, connection, transaction) { CommandTimeout = 0 };
        await recount.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<long> IndexPendingAsync(
        long pending, long total, LengthAverages averages, Lazy<Task>? alongside, CancellationToken cancellationToken)
    {
        // Another process's rebuild holding the lock: this backlog is indexed row by row alongside it.
        await using var rebuildLock = pending >= BulkThreshold && pending * 5 >= total
            ? await AdvisoryLock.TryAcquireAsync(dataSource, BulkRebuildLockKey, cancellationToken)
            : null;
        var deferred = rebuildLock is null ? null : new IndexDeltaSum();
        var workers = pending <= ChunkSize ? 1 : Parallelism;
        if (rebuildLock is not null)
        {
            await ExecuteAsync(SearchIndexSql.DropTermsIndex, cancellationToken);
        }

        var chunk = new SearchIndexChunk(dataSource, _options);
        long indexed = 0;
        await Parallel.ForAsync(0, workers, cancellationToken, async (_, ct) =>
        {
            int taken;
            while ((taken = await IndexChunkWithRetryAsync(chunk, averages, deferred, ct)) > 0)
            {
                Interlocked.Add(ref indexed, taken);
            }
        });

        if (deferred is not null)
        {
            await chunk.ApplyAsync(deferred.ToDelta(), cancellationToken);
            // The alongside indexes are built meanwhile: small beside the GIN indexes, they share the cores with them.
            await Task.WhenAll(BuildTermsIndexAsync(cancellationToken), alongside?.Value ?? Task.CompletedTask);
        }

        return indexed;
    }

    // A paper deleted while its chunk is written (foreign key), or a delete's trigger crossing the chunk's locks
    // (deadlock), aborts the chunk's transaction: it is still queued, so it is simply taken again.
    private async Task<int> IndexChunkWithRetryAsync(
        SearchIndexChunk chunk, LengthAverages averages, IndexDeltaSum? deferred, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await chunk.IndexAsync(ChunkSize, averages, deferred, cancellationToken);
            }
            catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.DeadlockDetected
                or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.ForeignKeyViolation)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Decides the averages this refresh weighs with: the stored ones, unless the analyzer or parameters changed or
    /// the corpus with the queue added (foreseen from a sample) drifts beyond the tolerance; new averages re-queue
    /// every indexed paper. Returns the queue length, the estimated paper count and the averages.
    /// </summary>
    private async Task<(long Pending, long Total, LengthAverages Averages)> PrepareWeightingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var statistics = await ReadStatisticsAsync(connection, cancellationToken);
        var (pending, total) = await CountPendingAsync(connection, cancellationToken);
        // A queue under a twentieth of the corpus moves the averages little; should it move them beyond the
        // tolerance after all, the next round sees it in the exact sums. Larger queues are foreseen from a sample.
        var sample = pending == 0 ? new LengthAverages(0, 0)
            : pending * 20 < statistics.DocumentCount ? Averages(statistics)
            : await SampleLengthsAsync(connection, cancellationToken);

        var documents = statistics.DocumentCount + pending;
        var foreseen = documents == 0 ? new LengthAverages(0, 0) : new LengthAverages(
            (statistics.TitleLengthSum + (pending * sample.Title)) / documents,
            (statistics.AbstractLengthSum + (pending * sample.Abstract)) / documents);
        var stored = new LengthAverages(statistics.WeightedTitleAverage, statistics.WeightedAbstractAverage);
        var reweigh = statistics.WeightedWith != _options.Signature
            || Drifted(stored.Title, foreseen.Title) || Drifted(stored.Abstract, foreseen.Abstract);
        if (!reweigh)
        {
            await transaction.CommitAsync(cancellationToken);
            return (pending, total, stored);
        }

        await using (var update = new NpgsqlCommand(SearchIndexSql.SetWeighting, connection)
        {
            Parameters = { new() { Value = foreseen.Title }, new() { Value = foreseen.Abstract }, new() { Value = _options.Signature } },
        })
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (statistics.DocumentCount > 0)
        {
            await using var requeue = new NpgsqlCommand(SearchIndexSql.QueueEveryIndexedPaper, connection) { CommandTimeout = 0 };
            await requeue.ExecuteNonQueryAsync(cancellationToken);
            (pending, total) = await CountPendingAsync(connection, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (pending, total, foreseen);
    }

    private static LengthAverages Averages(SearchStatistics statistics) => new(
        (double)statistics.TitleLengthSum / statistics.DocumentCount, (double)statistics.AbstractLengthSum / statistics.DocumentCount);

    private bool Drifted(double stored, double actual) =>
        stored <= 0 ? actual > 0 : Math.Abs(actual - stored) / stored > AverageDriftTolerance;

    private static async Task<SearchStatistics> ReadStatisticsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SearchIndexSql.ReadStatistics, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("search_statistics has no row: the database was not migrated.");
        }

        return new SearchStatistics
        {
            DocumentCount = reader.GetInt64(0),
            TitleLengthSum = reader.GetInt64(1),
            AbstractLengthSum = reader.GetInt64(2),
            WeightedTitleAverage = reader.GetDouble(3),
            WeightedAbstractAverage = reader.GetDouble(4),
            WeightedWith = reader.GetString(5),
        };
    }

    private static async Task<(long Pending, long Total)> CountPendingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SearchIndexSql.CountPending, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<LengthAverages> SampleLengthsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var texts = new List<(string Title, string Abstract)>();
        await using (var command = new NpgsqlCommand(SearchIndexSql.SamplePending, connection) { Parameters = { new() { Value = SampleSize } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                texts.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (texts.Count == 0)
        {
            return new LengthAverages(0, 0);
        }

        long title = 0, @abstract = 0;
        Parallel.ForEach(texts, text =>
        {
            var document = Bm25FDocument.Analyze(text.Title, text.Abstract);
            Interlocked.Add(ref title, document.TitleLength);
            Interlocked.Add(ref @abstract, document.AbstractLength);
        });
        return new LengthAverages((double)title / texts.Count, (double)@abstract / texts.Count);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
