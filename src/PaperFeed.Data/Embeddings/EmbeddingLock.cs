using Npgsql;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// "Vectors are being fitted or written", held by one process at a time across machines (the worker's background
/// embedding, the <c>reembed</c> command): an <see cref="AdvisoryLock"/>.
/// </summary>
public static class EmbeddingLock
{
    // Arbitrary but fixed, and not the ingest lock's key: embedding and ingest run side by side.
    internal const long Key = 0x5046_456D_6265_6464; // "PFEmbedd"

    /// <summary>Takes the lock, or returns null at once when another process holds it.</summary>
    public static Task<AdvisoryLock?> TryAcquireAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        AdvisoryLock.TryAcquireAsync(dataSource, Key, cancellationToken);

    /// <summary>Takes the lock, waiting for the holder (<paramref name="onWait"/> is called once if it must wait).</summary>
    public static Task<AdvisoryLock> AcquireAsync(NpgsqlDataSource dataSource, Action onWait, CancellationToken cancellationToken) =>
        AdvisoryLock.AcquireAsync(dataSource, Key, onWait, cancellationToken);
}
