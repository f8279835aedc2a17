using Npgsql;

namespace PaperFeed.Data.Ingest;

/// <summary>
/// The secondary indexes of <c>papers</c> that a bulk load drops and builds once at its end: maintaining them row by
/// row costs the merge about a fifth of its time (docs/benchmarks.md), and building them afterwards runs on their
/// own connections, alongside the full-text index build. The keys the merge itself relies on (the primary key, the
/// unique arXiv id) always stay.
/// </summary>
/// <remarks>
/// While they are missing, the feed and category filters still answer, by scanning; that lasts only as long as a
/// load that adds a fifth of the table. A process that dies in between leaves them missing: the next ingest, or the
/// worker's start, builds them again (<see cref="EnsureAsync"/>).
/// </remarks>
public sealed class BulkLoadIndexes(NpgsqlDataSource dataSource)
{
    /// <summary>The indexes, as the migrations create them (a test compares them with <c>pg_get_indexdef</c>).</summary>
    internal static readonly IReadOnlyList<(string Name, string Definition)> Deferred =
    [
        ("ix_papers_published_at_id",
            "ON papers USING btree (published_at DESC, id DESC) INCLUDE (date_precision, upvotes, local_upvotes)"),
        ("ix_papers_categories", "ON papers USING gin (categories)"),
        ("ix_papers_title_key", "ON papers USING btree (title_key text_pattern_ops)"),
    ];

    /// <summary>
    /// Drops the indexes; false, with nothing dropped, when a reader holds the table longer than a few seconds
    /// (the load then simply keeps maintaining them).
    /// </summary>
    public async Task<bool> DropAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var drop = string.Join("; ", Deferred.Select(index => $"DROP INDEX IF EXISTS {index.Name}"));
        await using var command = new NpgsqlCommand($"SET LOCAL lock_timeout = '5s'; {drop}", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Builds the indexes that are missing, each on its own connection, at once; returns how many.</summary>
    public async Task<int> EnsureAsync(CancellationToken cancellationToken)
    {
        var missing = new List<(string Name, string Definition)>();
        await using (var check = dataSource.CreateCommand("SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NULL"))
        {
            check.Parameters.Add(new NpgsqlParameter { Value = Deferred.Select(index => index.Name).ToArray() });
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(0);
                missing.Add(Deferred.Single(index => index.Name == name));
            }
        }

        await Task.WhenAll(missing.Select(async index =>
        {
            // A GIN or a wide B-tree sorts its entries in maintenance_work_mem; the default makes it spill and merge.
            await using var create = dataSource.CreateCommand(
                $"SET maintenance_work_mem = '256MB'; CREATE INDEX IF NOT EXISTS {index.Name} {index.Definition}");
            create.CommandTimeout = 0;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }));
        return missing.Count;
    }
}
