using System.Text.Json;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>The parts of a search or similar-papers result item that the tests check.</summary>
internal sealed record SearchItem(
    string Id, string Title, string Abstract, DateTimeOffset? PublishedAt, IReadOnlyList<string> Categories,
    double Score, bool Pinned, SearchHighlights Highlights)
{
    public static SearchItem From(JsonElement item) => new(
        item.GetProperty("id").GetString()!,
        item.GetProperty("title").GetString()!,
        item.GetProperty("abstract").GetString()!,
        item.GetProperty("publishedAt").ValueKind == JsonValueKind.Null ? null : item.GetProperty("publishedAt").GetDateTimeOffset(),
        item.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToList(),
        item.GetProperty("score").GetDouble(),
        item.TryGetProperty("pinned", out var pinned) && pinned.GetBoolean(),
        item.TryGetProperty("highlights", out var highlights) ? SearchHighlights.From(highlights) : new([], []));
}

internal sealed record SearchHighlights(IReadOnlyList<(string Text, bool Match)> Title, IReadOnlyList<(string Text, bool Match)> Abstract)
{
    public static SearchHighlights From(JsonElement highlights) => new(Segments(highlights.GetProperty("title")), Segments(highlights.GetProperty("abstract")));

    private static List<(string, bool)> Segments(JsonElement segments) =>
        segments.EnumerateArray().Select(s => (s.GetProperty("text").GetString()!, s.GetProperty("match").GetBoolean())).ToList();
}
