namespace PaperFeed.Data.Ingest;

/// <summary>Configuration section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    public const int MaxBatchSize = 100_000;

    /// <summary>
    /// Records per transaction. Larger batches load faster; each batch is atomic, so after a crash at most one
    /// batch of work is redone. Memory holds about three batches.
    /// </summary>
    public int BatchSize { get; init; } = PaperIngester.DefaultBatchSize;
}
