using Npgsql;
using PaperFeed.Data;

namespace PaperFeed.Worker.Ingest;

/// <summary>
/// "An ingest is in progress", held by one worker at a time across processes and machines: an
/// <see cref="AdvisoryLock"/>.
/// </summary>
internal static class IngestLock
{
    // Arbitrary but fixed: the key every PaperFeed worker uses.
    internal const long Key = 0x5061_7065_7246_6565; // "PaperFee"

    /// <summary>Takes the lock, or returns null at once when another worker holds it.</summary>
    public static Task<AdvisoryLock?> TryAcquireAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        AdvisoryLock.TryAcquireAsync(dataSource, Key, cancellationToken);

    /// <summary>Takes the lock, waiting for the holder to finish (<paramref name="onWait"/> is called once if it must wait).</summary>
    public static Task<AdvisoryLock> AcquireAsync(NpgsqlDataSource dataSource, Action onWait, CancellationToken cancellationToken) =>
        AdvisoryLock.AcquireAsync(dataSource, Key, onWait, cancellationToken);
}
