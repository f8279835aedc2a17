using System.Globalization;
using Npgsql;

namespace PaperFeed.Data.Search;

/// <summary>
/// Brings the full-text index up to date after writes: computes <c>search_vector</c> for every paper whose text
/// changed (those with a NULL vector). Small backlogs are updated in place in chunks; a large one (a bulk load)
/// drops the GIN index, fills the vectors on parallel connections and builds the index once, which is several
/// times faster than maintaining it row by row.
/// </summary>
public sealed class SearchIndexRefresher(NpgsqlDataSource dataSource)
{
    public const string GinIndexName = "ix_papers_search_vector";

    /// <summary>
    /// Title weighs more than abstract. The one definition of a paper's full-text vector. Text is cut at 64 KB:
    /// a tsvector holds at most 1 MB, and real abstracts are far shorter than the cut (the longest "abstract" in
    /// the ACL corpus is 12.7k characters).
    /// </summary>
    public const string SearchVectorSql =
        "setweight(to_tsvector('english'::regconfig, left(coalesce(title, ''), 4096)), 'A') || " +
        "setweight(to_tsvector('english'::regconfig, left(coalesce(abstract, ''), 65536)), 'B')";

    private const int ChunkSize = 5_000;

    /// <summary>Backlogs at least this large (and a fifth of the table) are rebuilt in bulk.</summary>
    public int BulkThreshold { get; init; } = 50_000;

    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Indexes every pending paper; returns how many were indexed.</summary>
    public async Task<long> RefreshAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var (pending, total) = await CountAsync(cancellationToken);
        if (pending == 0)
        {
            return 0;
        }

        var bulk = pending >= BulkThreshold && pending * 5 >= total;
        if (bulk)
        {
            await ExecuteAsync($"DROP INDEX IF EXISTS {GinIndexName}", cancellationToken);
        }

        long done = 0;
        await Parallel.ForAsync(0, bulk ? Parallelism : 1, cancellationToken, async (worker, ct) =>
        {
            var workers = bulk ? Parallelism : 1;
            while (await IndexChunkAsync(worker, workers, ct) is var indexed and > 0)
            {
                progress?.Report(Interlocked.Add(ref done, indexed));
            }
        });

        if (bulk)
        {
            await BuildGinIndexAsync(cancellationToken);
        }

        return done;
    }

    // Workers split the pending rows by a hash of their id, so that they never wait for each other's row locks.
    private async Task<int> IndexChunkAsync(int worker, int workers, CancellationToken cancellationToken)
    {
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            UPDATE papers SET search_vector = {SearchVectorSql}
            WHERE id IN (
                SELECT id FROM papers
                WHERE search_vector IS NULL AND abs(hashtext(id)) % {workers} = {worker}
                LIMIT {ChunkSize}
                FOR UPDATE SKIP LOCKED)
            """);
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task BuildGinIndexAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A GIN build sorts its entries in maintenance_work_mem: the default 64 MB makes it spill and merge.
        await using var command = new NpgsqlCommand(
            $"SET maintenance_work_mem = '512MB'; CREATE INDEX IF NOT EXISTS {GinIndexName} ON papers USING gin (search_vector)",
            connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<(long Pending, long Total)> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT (SELECT count(*) FROM papers WHERE search_vector IS NULL), (SELECT count(*) FROM papers)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
