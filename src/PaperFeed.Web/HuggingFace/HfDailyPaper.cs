using System.Text.Json.Serialization;

namespace PaperFeed.Web.HuggingFace;

/// <summary>
/// One entry of a Daily Papers list (<c>GET /api/daily_papers</c>), shaped as huggingface.co returns it. Field names,
/// nesting and JSON types follow the real responses in HF-PAPERS-API.md; see docs/huggingface-compatibility.md for
/// the values PaperFeed synthesises.
/// </summary>
/// <param name="Paper">The paper.</param>
/// <param name="PublishedAt">The paper's publication time as US-Eastern wall-clock time written as UTC, as huggingface.co does.</param>
/// <param name="Title">Copy of the paper's title.</param>
/// <param name="Summary">Copy of the paper's abstract.</param>
/// <param name="Thumbnail">Image URL: PaperFeed's one generic paper image (it makes no per-paper thumbnails).</param>
/// <param name="NumComments">Always 0: PaperFeed has no comments.</param>
/// <param name="SubmittedBy">Always the PaperFeed placeholder user: papers enter PaperFeed's lists by being published, not submitted.</param>
/// <param name="IsAuthorParticipating">Always false: PaperFeed has no discussions.</param>
public sealed record HfDailyPaper(
    [property: JsonPropertyName("paper")] HfPaper Paper,
    [property: JsonPropertyName("publishedAt"), JsonConverter(typeof(HfDateJsonConverter))] DateTimeOffset PublishedAt,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("thumbnail")] string Thumbnail,
    [property: JsonPropertyName("numComments")] int NumComments,
    [property: JsonPropertyName("submittedBy")] HfUser SubmittedBy,
    [property: JsonPropertyName("isAuthorParticipating")] bool IsAuthorParticipating);
