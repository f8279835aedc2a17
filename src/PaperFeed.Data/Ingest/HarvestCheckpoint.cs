namespace PaperFeed.Data.Ingest;

/// <summary>
/// Where a live harvest stands, saved after each stored page so that a harvest stopped by a crash resumes where it
/// stopped instead of starting over, and so that a scheduled harvest picks up where the last complete one ended.
/// </summary>
public sealed class HarvestCheckpoint
{
    /// <summary>The harvest's identity: its kind, endpoint and parameters (not its progress).</summary>
    public required string SourceKey { get; set; }

    /// <summary>
    /// The request that continues a harvest in progress: an OAI-PMH <c>resumptionToken</c>, or the next
    /// <c>start</c> of an arXiv API query. Null when no harvest is in progress.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>The OAI-PMH <c>from</c> of the harvest in progress: an expired token restarts the range from here.</summary>
    public DateOnly? From { get; set; }

    /// <summary>The OAI-PMH <c>until</c> of the harvest in progress.</summary>
    public DateOnly? Until { get; set; }

    /// <summary>
    /// The last day covered by the last complete harvest: the next incremental harvest starts there (OAI-PMH
    /// dates are inclusive, so that day is asked again and records changed later that day are not missed).
    /// </summary>
    public DateOnly? HarvestedUntil { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
