namespace PaperFeed.Data.Ingest;

/// <summary>A record a source contained but that could not be stored, kept so nothing is silently lost.</summary>
public sealed class RejectedRecord
{
    public long Id { get; set; }

    public long IngestRunId { get; set; }

    public required string Source { get; set; }

    public long? Line { get; set; }

    public long? ByteOffset { get; set; }

    public long? Entry { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
