using Npgsql;

namespace PaperFeed.Worker.Ingest;

/// <summary>
/// "An ingest is in progress", held by one worker at a time across processes and machines: a PostgreSQL
/// session-level advisory lock, released on dispose, and by the server when the holder's connection dies.
/// </summary>
internal sealed class IngestLock : IAsyncDisposable
{
    // Arbitrary but fixed: the key every PaperFeed worker uses.
    internal const long Key = 0x5061_7065_7246_6565; // "PaperFee"

    private readonly NpgsqlConnection _connection;

    private IngestLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Takes the lock, or returns null at once when another worker holds it.</summary>
    public static async Task<IngestLock?> TryAcquireAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = Key } } };
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new IngestLock(connection);
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

    /// <summary>Takes the lock, waiting for the holder to finish (<paramref name="onWait"/> is called once if it must wait).</summary>
    public static async Task<IngestLock> AcquireAsync(NpgsqlDataSource dataSource, Action onWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onWait);
        var ingestLock = await TryAcquireAsync(dataSource, cancellationToken);
        if (ingestLock is null)
        {
            onWait();
            var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = Key } }, CommandTimeout = 0 };
            await wait.ExecuteNonQueryAsync(cancellationToken);
            ingestLock = new IngestLock(connection);
        }

        return ingestLock;
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
