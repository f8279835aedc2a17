using System.Text.Json;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.HuggingFace;

/// <summary>
/// One paper of a Hugging Face papers response: a Paper object (<c>/api/papers/{id}</c>) or an item that wraps
/// one in <c>paper</c> (<c>/api/daily_papers</c>, <c>/api/papers/search</c>), the item's own <c>title</c> and
/// <c>summary</c> standing in when the paper lacks them. Fields are described in HF-PAPERS-API.md.
/// </summary>
internal static class HuggingFacePaperEntry
{
    /// <param name="number">1-based place of the entry in the response.</param>
    public static SourceEntry ToEntry(JsonElement entry, long number)
    {
        var position = new SourcePosition(Entry: number);
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return SourceEntry.Rejected(position, $"entry is a JSON {entry.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        JsonElement paper = entry.TryGetProperty("paper", out JsonElement wrapped) && wrapped.ValueKind == JsonValueKind.Object ? wrapped : entry;
        if (Text(paper, "id") is not { } id)
        {
            return SourceEntry.Rejected(position, "entry without a paper id");
        }

        if (!ArxivId.TryParse(id, out ArxivId arxivId))
        {
            return SourceEntry.Rejected(position, $"paper id \"{id}\" is not an arXiv identifier");
        }

        var title = TextNormalizer.Normalize(Text(paper, "title") ?? Text(entry, "title"));
        var summary = TextNormalizer.Normalize(Text(paper, "summary") ?? Text(entry, "summary"));
        var problem = title.Length == 0 ? "entry without a title"
            : summary.Length == 0 ? "entry without a summary (the abstract)"
            : null;
        DateTimeOffset? published = null;
        int? upvotes = null;
        if (problem is null && !TryReadDay(paper, out published))
        {
            problem = $"unreadable publishedAt {paper.GetProperty("publishedAt").GetRawText()}";
        }

        if (problem is null && !TryReadCount(paper, out upvotes))
        {
            problem = $"upvotes is not a count: {paper.GetProperty("upvotes").GetRawText()}";
        }

        if (problem is not null)
        {
            return SourceEntry.Rejected(position, $"{id}: {problem}");
        }

        return SourceEntry.Accepted(position, new PaperRecord
        {
            ArxivId = arxivId.Id,
            ArxivVersion = arxivId.Version,
            Title = title,
            Abstract = summary,
            Authors = AuthorNames(paper),
            PublishedAt = published,
            DatePrecision = DatePrecision.Day,
            Upvotes = upvotes,
            Source = HuggingFacePapersParser.FormatName,
        });
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text
            && !string.IsNullOrWhiteSpace(text) ? text : null;

    // authors: [{ "_id", "name", "hidden", "user"?, ... }]. "hidden" is kept: it is not documented, and every
    // author listed comes from the arXiv author list.
    private static List<string> AuthorNames(JsonElement paper) =>
        paper.TryGetProperty("authors", out JsonElement authors) && authors.ValueKind == JsonValueKind.Array
            ? [.. authors.EnumerateArray()
                .Select(author => TextNormalizer.Normalize(author.ValueKind == JsonValueKind.String ? author.GetString() : Text(author, "name")))
                .Where(name => name.Length > 0)]
            : [];

    // paper.publishedAt is arXiv's publication time in UTC ("2024-04-06T03:40:36.000Z"); the item's own
    // publishedAt is that minus the US-Eastern offset, which can fall on the day before, so it is not used.
    private static bool TryReadDay(JsonElement paper, out DateTimeOffset? day)
    {
        day = null;
        if (!paper.TryGetProperty("publishedAt", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String || !PaperDates.TryReadUtcDay(value.GetString(), out DateTimeOffset utcDay))
        {
            return false;
        }

        day = utcDay;
        return true;
    }

    private static bool TryReadCount(JsonElement paper, out int? count)
    {
        count = null;
        if (!paper.TryGetProperty("upvotes", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0)
        {
            count = number;
            return true;
        }

        return false;
    }
}
