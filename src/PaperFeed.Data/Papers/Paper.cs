using PaperFeed.Core.Papers;

namespace PaperFeed.Data.Papers;

/// <summary>One row per paper, whatever the number of sources that described it.</summary>
public sealed class Paper
{
    /// <summary>Stable public id (see <see cref="PaperIdentity"/>): the arXiv id when known at first sight, else a title hash.</summary>
    public required string Id { get; set; }

    public string? ArxivId { get; set; }

    public int? ArxivVersion { get; set; }

    /// <summary>The normalised title, to recognise the same paper from sources without arXiv ids.</summary>
    public required string TitleKey { get; set; }

    public required string Title { get; set; }

    public bool TitleIsDerived { get; set; }

    public required string Abstract { get; set; }

    public List<string> Authors { get; set; } = [];

    public int? AuthorCount { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DatePrecision DatePrecision { get; set; }

    public List<string> Categories { get; set; } = [];

    /// <summary>Upvotes reported by the sources (the largest seen).</summary>
    public int Upvotes { get; set; }

    public string? Url { get; set; }

    public string? PdfUrl { get; set; }

    public required string Source { get; set; }

    /// <summary>SHA-256 of the last record that changed this row; an identical record is recognised without a merge.</summary>
    public required byte[] ContentHash { get; set; }

    /// <summary>Upvotes given on this instance (rows of <c>paper_votes</c>); shown and ranked as <see cref="Upvotes"/> + this.</summary>
    public int LocalUpvotes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
