using Npgsql;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// "Vectors are being fitted or written", held by one process at a time across machines (the worker's background
/// embedding, the <c>reembed</c> command): a PostgreSQL session-level advisory lock, released on dispose, and by the
/// server when the holder's connection dies.
/// </summary>
public sealed class EmbeddingLock : IAsyncDisposable
{
    // Arbitrary but fixed, and not the ingest lock's key: embedding and ingest run side by side.
    internal const long Key = 0x5046_456D_6265_6464; // "PFEmbedd"

    private readonly NpgsqlConnection _connection;

    private EmbeddingLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Takes the lock, or returns null at once when another process holds it.</summary>
    public static async Task<EmbeddingLock?> TryAcquireAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = Key } } };
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new EmbeddingLock(connection);
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
    public static async Task<EmbeddingLock> AcquireAsync(NpgsqlDataSource dataSource, Action onWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onWait);
        if (await TryAcquireAsync(dataSource, cancellationToken) is { } taken)
        {
            return taken;
        }

        onWait();
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = Key } }, CommandTimeout = 0 };
            await wait.ExecuteNonQueryAsync(cancellationToken);
            return new EmbeddingLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await using (_connection)
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = Key } } };
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }
}
