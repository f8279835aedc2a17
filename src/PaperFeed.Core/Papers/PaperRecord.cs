namespace PaperFeed.Core.Papers;

/// <summary>
/// One paper as a source describes it, already normalised (see <see cref="TextNormalizer"/>), before it is
/// merged into the store. Every parser produces these; the store decides identity and merging.
/// </summary>
public sealed record PaperRecord
{
    /// <summary>arXiv id without its version (<c>2301.00001</c>, <c>hep-th/9901001</c>), when the source knows it.</summary>
    public string? ArxivId { get; init; }

    /// <summary>The arXiv version this record describes (1 for <c>v1</c>), when known; the higher version wins.</summary>
    public int? ArxivVersion { get; init; }

    public required string Title { get; init; }

    /// <summary>True when the source had no title and <see cref="Title"/> was derived from the abstract.</summary>
    public bool TitleIsDerived { get; init; }

    public required string Abstract { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>How many authors the source says there are, when it shows only a count ("• 3 authors").</summary>
    public int? AuthorCount { get; init; }

    /// <summary>Publication date in UTC, as precise as <see cref="DatePrecision"/> says.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public DatePrecision DatePrecision { get; init; } = DatePrecision.Day;

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Upvotes the source reports; null when the source has no notion of them.</summary>
    public int? Upvotes { get; init; }

    /// <summary>Landing page for papers without an arXiv id (for example aclanthology.org).</summary>
    public string? Url { get; init; }

    public string? PdfUrl { get; init; }

    /// <summary>The source format that produced the record, such as <c>daily-papers-page</c>.</summary>
    public required string Source { get; init; }
}

/// <summary>How much of <see cref="PaperRecord.PublishedAt"/> the source actually knew.</summary>
public enum DatePrecision
{
    Day = 0,
    Month = 1,
    Year = 2,
}
