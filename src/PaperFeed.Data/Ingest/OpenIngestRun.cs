namespace PaperFeed.Data.Ingest;

/// <summary>
/// A run started by <see cref="PaperIngester.StartRunAsync"/> and not yet finished. Documents are written into it
/// one by one (<see cref="PaperIngester.WriteAsync"/>), so that a live harvest of many pages is recorded as one run.
/// </summary>
public sealed class OpenIngestRun
{
    internal OpenIngestRun(long id, string source, string? format)
    {
        Id = id;
        Source = source;
        Format = format;
    }

    public long Id { get; }

    /// <summary>What the run ingests: a file path, a URL, or the key of a live source.</summary>
    public string Source { get; }

    /// <summary>The format every document is read as; null to detect it per document.</summary>
    public string? Format { get; }

    /// <summary>What the documents written so far did to the store.</summary>
    public BatchCounts Counts { get; internal set; }

    /// <summary>How many papers the table held when the run started (estimated), to tell a bulk load.</summary>
    public long PapersAtStart { get; internal init; }

    /// <summary>Whether this run dropped the secondary indexes of <c>papers</c>, to build them when it finishes.</summary>
    public bool DroppedIndexes { get; internal set; }

    /// <summary>Time spent so far parsing and merging into <c>papers</c>.</summary>
    public TimeSpan MergeTime { get; internal set; }
}
