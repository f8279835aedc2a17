using PaperFeed.Core.Ingest.Xml;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.ArxivListing;

/// <summary>
/// One announcement of a listing feed as written (an RSS <c>&lt;item&gt;</c> or an Atom <c>&lt;entry&gt;</c>),
/// before it is checked and normalised into a <see cref="PaperRecord"/>
/// (https://info.arxiv.org/help/rss_specifications.html).
/// </summary>
internal sealed class ArxivListingItem
{
    public string? Title { get; set; }

    /// <summary>The abstract page, without a version: <c>https://arxiv.org/abs/2411.17700</c>.</summary>
    public string? Link { get; set; }

    /// <summary>The announcement head and the abstract (see <see cref="ArxivAnnouncement"/>).</summary>
    public string? Description { get; set; }

    /// <summary>RSS <c>guid</c> or Atom <c>id</c>: <c>oai:arXiv.org:2411.17700v1</c>.</summary>
    public string? Guid { get; set; }

    /// <summary>RSS <c>pubDate</c> or Atom <c>published</c>: the announcement's date.</summary>
    public string? PublishedText { get; set; }

    /// <summary>Atom <c>updated</c>, the announcement's date where <c>published</c> is missing.</summary>
    public string? UpdatedText { get; set; }

    public string? AnnounceType { get; set; }

    /// <summary>dc:creator: every author in one string, "Forenames Surname (Affiliation, …), …".</summary>
    public string? Creators { get; set; }

    /// <summary>Atom <c>author/name</c> elements, which older versions of the feed service wrote one per author.</summary>
    public List<string> AuthorNames { get; } = [];

    public List<string> Categories { get; } = [];

    // arxiv:DOI and arxiv:journal_reference (not the API's arxiv:doi and arxiv:journal_ref) have no place in
    // PaperRecord yet; they are kept for the day they do.
    public string? Doi { get; set; }

    public string? JournalReference { get; set; }

    public string? TooLongElement { get; private set; }

    public void NoteTooLong(string elementName) => TooLongElement ??= elementName;

    public SourceEntry ToEntry(SourcePosition position)
    {
        ArxivAnnouncement? announcement = ArxivAnnouncement.TryParse(Description);
        if (IdOf(announcement) is not { } arxivId)
        {
            return SourceEntry.Rejected(position, "item without an arXiv id (none in <guid>, <description> or <link>)");
        }

        if (TooLongElement is { } tooLong)
        {
            return SourceEntry.Rejected(position, $"{arxivId}: <{tooLong}> is longer than {XmlElements.MaxFieldLength} characters");
        }

        var title = TextNormalizer.Normalize(Title);
        if (title.Length == 0)
        {
            return SourceEntry.Rejected(position, $"{arxivId}: no <title>");
        }

        var abstractText = TextNormalizer.Normalize(announcement?.Abstract ?? Description);
        if (abstractText.Length == 0)
        {
            return SourceEntry.Rejected(position, $"{arxivId}: no abstract in <description>");
        }

        var announceType = TextNormalizer.Normalize(AnnounceType ?? announcement?.AnnounceType).ToLowerInvariant();
        (DateTimeOffset published, DatePrecision precision) = PublicationDate(arxivId, announceType);
        return SourceEntry.Accepted(position, new PaperRecord
        {
            ArxivId = arxivId.Id,
            ArxivVersion = arxivId.Version,
            Title = title,
            Abstract = abstractText,
            Authors = Authors(),
            PublishedAt = published,
            DatePrecision = precision,
            Categories = ArxivCategories.Distinct(Categories),
            Source = ArxivListingParser.FormatName,
        });
    }

    // The guid and the description carry the version; the link does not. The first that reads as an id is
    // the paper; a later one for the same paper may still supply the version.
    private ArxivId? IdOf(ArxivAnnouncement? announcement)
    {
        List<ArxivId> ids = [];
        foreach (var candidate in new[] { Guid, announcement?.Id, Link })
        {
            if (ArxivId.TryParse(candidate, out ArxivId id))
            {
                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            return null;
        }

        ArxivId paper = ids[0];
        return paper with { Version = ids.Where(id => id.Id == paper.Id).Select(id => id.Version).FirstOrDefault(version => version is not null) };
    }

    /// <summary>
    /// The announcement date is the paper's publication date only when this is its first announcement. A
    /// replacement (replace, replace-cross), an abstract-only change (absonly) or a later cross-listing (cross)
    /// is announced long after; for those the month the id encodes is the truth the item holds.
    /// </summary>
    private (DateTimeOffset Published, DatePrecision Precision) PublicationDate(ArxivId id, string announceType)
    {
        var firstAnnouncement = announceType == "new" || (announceType.Length == 0 && id.Version == 1);
        return firstAnnouncement && AnnouncementDates.TryReadDay(PublishedText ?? UpdatedText, out DateTimeOffset day)
            ? (day, DatePrecision.Day)
            : (PaperDates.SubmissionMonth(id), DatePrecision.Month);
    }

    private List<string> Authors()
    {
        IEnumerable<string> names = string.IsNullOrWhiteSpace(Creators) ? AuthorNames : ArxivAuthors.SplitJoined(Creators);
        return [.. names.Select(TextNormalizer.Normalize).Where(name => name.Length > 0)];
    }
}
