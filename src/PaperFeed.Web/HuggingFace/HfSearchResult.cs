using System.Text.Json.Serialization;

namespace PaperFeed.Web.HuggingFace;

/// <summary>
/// One result of <c>GET /api/papers/search</c>: a Daily Papers entry without <c>submittedBy</c>, plus whether the
/// caller upvoted it and the title and abstract cut into highlighted and plain segments.
/// </summary>
/// <param name="Upvoted">Always false: the Hugging Face API has no PaperFeed visitor to ask about.</param>
/// <param name="HighlightedTitle">The title as segments; their texts joined give <paramref name="Title"/>.</param>
/// <param name="HighlightedSummary">The abstract as segments; their texts joined give <paramref name="Summary"/>.</param>
public sealed record HfSearchResult(
    [property: JsonPropertyName("paper")] HfPaper Paper,
    [property: JsonPropertyName("publishedAt"), JsonConverter(typeof(HfDateJsonConverter))] DateTimeOffset PublishedAt,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("thumbnail")] string Thumbnail,
    [property: JsonPropertyName("numComments")] int NumComments,
    [property: JsonPropertyName("upvoted")] bool Upvoted,
    [property: JsonPropertyName("isAuthorParticipating")] bool IsAuthorParticipating,
    [property: JsonPropertyName("highlightedTitle")] IReadOnlyList<HfTextSegment> HighlightedTitle,
    [property: JsonPropertyName("highlightedSummary")] IReadOnlyList<HfTextSegment> HighlightedSummary);

/// <summary>A piece of a highlighted text: <c>type</c> is <c>highlight</c> for a query match, else <c>text</c>.</summary>
public sealed record HfTextSegment(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text)
{
    public const string PlainType = "text";
    public const string HighlightType = "highlight";

    public static HfTextSegment Plain(string text) => new(PlainType, text);

    public static HfTextSegment Highlight(string text) => new(HighlightType, text);
}
