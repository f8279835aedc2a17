using Npgsql;

namespace PaperFeed.Data;

/// <summary>
/// A PostgreSQL session-level advisory lock, held by one process at a time across machines: released on dispose, and
/// by the server when the holder's connection dies (a crash never leaves it held). Each use has its own fixed key
/// (<see cref="Embeddings.EmbeddingLock"/>, the worker's ingest lock, the search index's bulk rebuild).
/// </summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private AdvisoryLock(NpgsqlConnection connection, long key) => (_connection, _key) = (connection, key);

    /// <summary>Takes the lock, or returns null at once when another process holds it.</summary>
    public static async Task<AdvisoryLock?> TryAcquireAsync(NpgsqlDataSource dataSource, long key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new AdvisoryLock(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Takes the lock, waiting for the holder (<paramref name="onWait"/> is called once if it must wait).</summary>
    public static async Task<AdvisoryLock> AcquireAsync(NpgsqlDataSource dataSource, long key, Action onWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onWait);
        if (await TryAcquireAsync(dataSource, key, cancellationToken) is { } taken)
        {
            return taken;
        }

        onWait();
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = key } }, CommandTimeout = 0 };
            await wait.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Explicitly: a pooled connection keeps its session's locks unless the pool resets it.
        await using (_connection)
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = _key } } };
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }
}
