using System.Globalization;
using Npgsql;

namespace PaperFeed.Data.Search;

/// <summary>
/// Brings the full-text index up to date after writes: creates the <see cref="PaperSearchDocument"/> of every
/// paper that has none (new papers, and papers whose text changed). The work is split over parallel connections;
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

    private const string Pending = "NOT EXISTS (SELECT 1 FROM paper_search s WHERE s.paper_id = p.id)";

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
                $"SET maintenance_work_mem = '512MB'; CREATE INDEX IF NOT EXISTS {GinIndexName} ON paper_search USING gin (search_vector)",
                cancellationToken);
        }

        return indexed;
    }

    // Workers split the pending papers by a hash of their id. A paper indexed meanwhile by another process
    // (two ingests at once) is skipped, not duplicated.
    private async Task<int> IndexShareAsync(int worker, int workers, CancellationToken cancellationToken) =>
        await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO paper_search (paper_id, search_vector)
            SELECT p.id, {SearchVectorSql}
            FROM papers p
            WHERE {Pending} AND abs(hashtext(p.id) % {workers}) = {worker}
            ON CONFLICT (paper_id) DO NOTHING
            """), cancellationToken);

    private async Task<(long Pending, long Total)> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT count(*) FILTER (WHERE {Pending}), count(*) FROM papers p");
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
