using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.ArxivSnapshot;

/// <summary>
/// The fields of one snapshot line that a <see cref="PaperRecord"/> needs: title and abstract already
/// normalised (<see cref="CollapsedText"/>), the rest as the JSON holds them. <c>doi</c>, <c>journal-ref</c>,
/// <c>comments</c>, <c>update_date</c> and the rest are skipped: the record has no place for them.
/// </summary>
internal sealed class SnapshotFields
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Abstract { get; set; }

    /// <summary>The <c>authors</c> string ("A, B and C"), decoded only when <see cref="ParsedAuthors"/> is missing.</summary>
    public string? AuthorsText { get; set; }

    /// <summary>Display names built from <c>authors_parsed</c>; null when the line has none.</summary>
    public List<string>? ParsedAuthors { get; set; }

    public string? Categories { get; set; }

    /// <summary>The highest number among <c>versions[].version</c> ("v3" is 3).</summary>
    public int? LatestVersion { get; set; }

    /// <summary>The day of the first version's <c>created</c> timestamp, when it reads as a date.</summary>
    public DateOnly? FirstVersionDay { get; set; }

    public SourceEntry ToEntry(SourcePosition position)
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            return SourceEntry.Rejected(position, "no \"id\"");
        }

        if (!ArxivId.TryParse(Id, out ArxivId arxivId))
        {
            return SourceEntry.Rejected(position, $"\"id\" is not an arXiv identifier: \"{Id}\"");
        }

        if (string.IsNullOrEmpty(Title))
        {
            return SourceEntry.Rejected(position, $"{arxivId.Id}: no \"title\"");
        }

        if (string.IsNullOrEmpty(Abstract))
        {
            return SourceEntry.Rejected(position, $"{arxivId.Id}: no \"abstract\"");
        }

        // The first version's day is the publication date arXiv shows; without it the id still tells the month.
        return SourceEntry.Accepted(position, new PaperRecord
        {
            ArxivId = arxivId.Id,
            ArxivVersion = LatestVersion ?? arxivId.Version,
            Title = Title,
            Abstract = Abstract,
            Authors = ParsedAuthors ?? ArxivAuthors.SplitTyped(AuthorsText),
            PublishedAt = FirstVersionDay is { } day ? PaperDates.StartOf(day) : PaperDates.SubmissionMonth(arxivId),
            DatePrecision = FirstVersionDay is null ? DatePrecision.Month : DatePrecision.Day,
            Categories = ArxivCategories.Split(Categories),
            Source = ArxivSnapshotParser.FormatName,
        });
    }
}
