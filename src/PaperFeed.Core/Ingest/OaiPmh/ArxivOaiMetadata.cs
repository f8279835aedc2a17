using System.Xml.Linq;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.OaiPmh;

/// <summary>What the <c>arXiv</c> and <c>arXivRaw</c> metadata formats both give, as read, before it is checked.</summary>
internal sealed record ArxivOaiMetadata
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Abstract { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Space-separated, the primary category first.</summary>
    public string? Categories { get; init; }

    /// <summary>The latest version, when the format lists versions (arXivRaw only).</summary>
    public int? Version { get; init; }

    /// <summary>The day version 1 was submitted: arXiv's publication date.</summary>
    public DateOnly? Submitted { get; init; }

    /// <summary>Why a field that is present could not be read, if one could not.</summary>
    public string? Problem { get; init; }

    /// <summary>The trimmed text of a child element, or null when there is none or it is blank.</summary>
    public static string? Text(XElement parent, XName name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } text ? text : null;

    public SourceEntry ToEntry(SourcePosition position, string? headerIdentifier)
    {
        var givenId = Id ?? headerIdentifier;
        if (!ArxivId.TryParse(givenId, out ArxivId arxivId))
        {
            return SourceEntry.Rejected(position, givenId is null ? "record without an arXiv id" : $"\"{givenId}\" is not an arXiv identifier");
        }

        if (ArxivId.TryParse(headerIdentifier, out ArxivId headerId) && headerId.Id != arxivId.Id)
        {
            return SourceEntry.Rejected(position, $"the header identifier {headerIdentifier} does not match the metadata id {Id}");
        }

        var title = TextNormalizer.Normalize(Title);
        var abstractText = TextNormalizer.Normalize(Abstract);
        var problem = title.Length == 0 ? "record without a title"
            : abstractText.Length == 0 ? "record without an abstract"
            : Problem;
        if (problem is not null)
        {
            return SourceEntry.Rejected(position, $"{arxivId.Id}: {problem}");
        }

        return SourceEntry.Accepted(position, new PaperRecord
        {
            ArxivId = arxivId.Id,
            ArxivVersion = Version ?? arxivId.Version,
            Title = title,
            Abstract = abstractText,
            Authors = Authors,
            PublishedAt = Submitted is { } day ? PaperDates.StartOf(day) : null,
            DatePrecision = DatePrecision.Day,
            Categories = ArxivCategories.Split(Categories),
            Source = OaiPmhParser.FormatName,
        });
    }
}
