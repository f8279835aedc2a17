using PaperFeed.Core.Ingest.Xml;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.ArxivAtom;

/// <summary>
/// One <c>&lt;entry&gt;</c> of an arXiv API response as written, before it is checked and normalised into a
/// <see cref="PaperRecord"/> (https://info.arxiv.org/help/api/user-manual.html#_entry_metadata).
/// </summary>
internal sealed class ArxivAtomEntry
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public List<string> Authors { get; } = [];

    /// <summary>When version 1 was submitted; arXiv's "published" is that date whatever the version described.</summary>
    public string? Published { get; set; }

    /// <summary>When this version was submitted. PaperRecord has no field for it; it is read so that it is not an unknown element.</summary>
    public string? Updated { get; set; }

    public string? PrimaryCategory { get; set; }

    public List<string> Categories { get; } = [];

    public string? AlternateLink { get; set; }

    public string? PdfLink { get; set; }

    // The arXiv extension elements below have no place in PaperRecord yet; they are kept for the day they do.
    public string? Doi { get; set; }

    public string? JournalRef { get; set; }

    public string? Comment { get; set; }

    /// <summary>The first element whose text was cut off at <see cref="XmlElements.MaxFieldLength"/>.</summary>
    public string? TooLongElement { get; private set; }

    /// <summary>
    /// True for the entry arXiv sends instead of results when a query is bad: its id is an
    /// <c>https://arxiv.org/api/errors#…</c> URL and its summary the message.
    /// </summary>
    public bool IsApiError => Id is not null && ArxivAtomFeed.IsApiErrorId(Id);

    public string ApiErrorMessage => TextNormalizer.Normalize(Summary) is { Length: > 0 } message ? message : "no message";

    public void NoteTooLong(string elementName) => TooLongElement ??= elementName;

    public SourceEntry ToEntry(SourcePosition position)
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            return SourceEntry.Rejected(position, "entry without an <id>");
        }

        if (!ArxivId.TryParse(Id, out ArxivId arxivId))
        {
            return SourceEntry.Rejected(position, $"<id> {XmlElements.Quote(Id)} is not an arXiv identifier");
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

        var abstractText = TextNormalizer.Normalize(Summary);
        if (abstractText.Length == 0)
        {
            return SourceEntry.Rejected(position, $"{arxivId}: no <summary> (abstract)");
        }

        DateTimeOffset? published = null;
        if (!string.IsNullOrWhiteSpace(Published))
        {
            if (!PaperDates.TryReadUtcDay(Published, out DateTimeOffset day))
            {
                return SourceEntry.Rejected(position, $"{arxivId}: unreadable <published> {XmlElements.Quote(Published)}");
            }

            published = day;
        }

        return SourceEntry.Accepted(position, new PaperRecord
        {
            ArxivId = arxivId.Id,
            ArxivVersion = arxivId.Version,
            Title = title,
            Abstract = abstractText,
            Authors = [.. Authors.Select(TextNormalizer.Normalize).Where(name => name.Length > 0)],
            PublishedAt = published,
            DatePrecision = DatePrecision.Day,
            Categories = ArxivCategories.Distinct([PrimaryCategory, .. Categories]),
            Url = LinkUnlessDerivable(AlternateLink, arxivId),
            PdfUrl = LinkUnlessDerivable(PdfLink, arxivId),
            Source = ArxivAtomParser.FormatName,
        });
    }

    // The API derives the abstract page and the PDF from the id; only a link elsewhere is worth storing.
    private static string? LinkUnlessDerivable(string? link, ArxivId id) =>
        string.IsNullOrWhiteSpace(link) || (ArxivId.TryParse(link, out ArxivId linked) && linked.Id == id.Id) ? null : link.Trim();
}
