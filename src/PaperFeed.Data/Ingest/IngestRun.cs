namespace PaperFeed.Data.Ingest;

/// <summary>One ingest of one source (a file or a URL): when, what came of it, and why it failed if it did.</summary>
public sealed class IngestRun
{
    public long Id { get; set; }

    public required string Source { get; set; }

    public string? Format { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public IngestRunStatus Status { get; set; }

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Rejected { get; set; }

    public string? Error { get; set; }

    public List<RejectedRecord> RejectedRecords { get; set; } = [];
}

public enum IngestRunStatus
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
}
