using System.ComponentModel.DataAnnotations;

namespace PaperFeed.Data.Search.Similar;

/// <summary>How stored similar-paper lists are kept, bound from <c>Search:Similar</c> (<see cref="SimilarPaperLists"/>).</summary>
public sealed class SimilarPaperListOptions
{
    public const string Section = "Search:Similar";

    /// <summary>
    /// How many papers a stored list holds. A request for more (the API allows 50) is computed as it comes; the
    /// paper page and the API's default ask for 10, plus the 5 spare that duplicates may take.
    /// </summary>
    [Range(1, 200)]
    public int StoredDepth { get; set; } = 30;

    /// <summary>
    /// A list older than this is computed again on its next request and by the worker: papers ingested since then
    /// show up in the lists of older papers within this time. At a million papers, refreshing every list daily takes one core about three hours: raise it there.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the worker looks for papers whose list is missing or stale.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Lists the worker computes per database round trip for work; it stops early when asked to.</summary>
    [Range(1, 10_000)]
    public int RefreshBatchSize { get; set; } = 500;
}
