using System.Globalization;
using Npgsql;

namespace PaperFeed.Data.Search;

/// <summary>
/// Brings the full-text index up to date after writes: builds the <see cref="PaperSearchDocument"/> of every
/// paper queued in <see cref="PendingSearchDocument"/> (new papers, and papers whose text changed). The work is
/// split over parallel connections;
/// a large backlog (a bulk load) drops the GIN index first and builds it once at the end, which is several times
/// faster than maintaining it row by row.
/// </summary>
public sealed class SearchIndexRefresher(NpgsqlDataSource dataSource)
{
    public const string GinIndexName = "ix_paper_search_search_vector";

    /// <summary>
    /// Title weighs more than abstract: the one definition of a paper's full-text vector. Text is cut at 64 KB,
    /// since a tsvector holds at most 1 MB and no real abstract comes near the cut.
    /// </summary>
    public const string SearchVectorSql =
        "setweight(to_tsvector('english'::regconfig, left(coalesce(p.title, ''), 4096)), 'A') || " +
        "setweight(to_tsvector('english'::regconfig, left(coalesce(p.abstract, ''), 65536)), 'B')";

    /// <summary>Backlogs at least this large, and a fifth of the table, rebuild the GIN index from scratch.</summary>
    public int BulkThreshold { get; init; } = 10_000;

    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Indexes every pending paper; returns how many were indexed.</summary>
    public async Task<long> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var (pending, total) = await CountAsync(cancellationToken);
        if (pending == 0)
        {
            return 0;
        }

        var bulk = pending >= BulkThreshold && pending * 5 >= total;
        var workers = pending < 1_000 ? 1 : Parallelism;
        if (bulk)
        {
            await ExecuteAsync($"DROP INDEX IF EXISTS {GinIndexName}", cancellationToken);
        }

        long indexed = 0;
        await Parallel.ForAsync(0, workers, cancellationToken, async (worker, ct) =>
            Interlocked.Add(ref indexed, await IndexShareAsync(worker, workers, ct)));

        if (bulk)
        {
            // A GIN build sorts its entries in maintenance_work_mem: the default 64 MB makes it spill and merge.
            await ExecuteAsync(
                $"SET maintenance_work_mem = '1GB'; CREATE INDEX IF NOT EXISTS {GinIndexName} ON paper_search USING gin (search_vector)",
                cancellationToken);
        }

        return indexed;
    }

    // Workers split the queue by a hash of the paper id. Taking a paper off the queue and writing its document
    // is one statement, so a crash leaves it queued; a paper queued again meanwhile is simply indexed again.
    private async Task<int> IndexShareAsync(int worker, int workers, CancellationToken cancellationToken) =>
        await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"""
            WITH taken AS (
                DELETE FROM paper_search_pending q
                WHERE abs(hashtext(q.paper_id) % {workers}) = {worker}
                RETURNING q.paper_id
            )
            INSERT INTO paper_search (paper_id, search_vector)
            SELECT p.id, {SearchVectorSql}
            FROM taken t JOIN papers p ON p.id = t.paper_id
            ON CONFLICT (paper_id) DO UPDATE SET search_vector = excluded.search_vector
            """), cancellationToken);

    private async Task<(long Pending, long Total)> CountAsync(CancellationToken cancellationToken)
    {
        // The total is the planner's estimate: exact enough to tell a bulk load, and free at any size.
        await using var command = dataSource.CreateCommand(
            "SELECT (SELECT count(*) FROM paper_search_pending), (SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'papers'::regclass)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
