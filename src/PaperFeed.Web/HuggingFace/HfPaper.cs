using System.Text.Json.Serialization;

namespace PaperFeed.Web.HuggingFace;

/// <summary>
/// A paper as huggingface.co shows it: <c>paper</c> of a Daily Papers or search entry. Optional fields PaperFeed
/// has no data for (<c>ai_summary</c>, <c>githubRepo</c>, <c>organization</c>, <c>mediaUrls</c>, ...) are left out,
/// as huggingface.co leaves out unset optional fields.
/// </summary>
/// <param name="Id">arXiv id without version, such as 2606.00467 (old-style ids keep their slash: hep-th/9901001); a paper without one has its PaperFeed id, pf- and 16 hex digits.</param>
/// <param name="Authors">Authors in order.</param>
/// <param name="PublishedAt">arXiv publication time (UTC); PaperFeed mostly knows the day only, given as midnight UTC.</param>
/// <param name="SubmittedOnDailyAt">Midnight UTC of the day the paper is on PaperFeed's daily list: its publication day.</param>
/// <param name="Title">Title; LaTeX kept as written, line breaks joined.</param>
/// <param name="SubmittedOnDailyBy">The PaperFeed placeholder user, with <paramref name="SubmittedOnDailyAt"/>.</param>
/// <param name="Summary">The abstract; LaTeX kept as written, line breaks joined.</param>
/// <param name="Upvotes">Upvotes reported by the sources plus upvotes given on this PaperFeed.</param>
/// <param name="DiscussionId">A 24-hex id derived from the paper id (PaperFeed has no discussions).</param>
public record HfPaper(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("authors")] IReadOnlyList<HfAuthor> Authors,
    [property: JsonPropertyName("publishedAt"), JsonConverter(typeof(HfDateJsonConverter))] DateTimeOffset PublishedAt,
    [property: JsonPropertyName("submittedOnDailyAt"), JsonConverter(typeof(HfDateJsonConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    DateTimeOffset? SubmittedOnDailyAt,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("submittedOnDailyBy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HfSubmitter? SubmittedOnDailyBy,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("upvotes")] int Upvotes,
    [property: JsonPropertyName("discussionId")] string DiscussionId);

/// <summary>
/// The whole body of <c>GET /api/papers/{id}</c>: the paper plus the Hub repositories linked to it, which
/// huggingface.co has returned by default since 2026-05. PaperFeed knows no Hub repositories: the lists are empty
/// and the counts 0.
/// </summary>
public sealed record HfPaperDetail(
    string Id,
    IReadOnlyList<HfAuthor> Authors,
    DateTimeOffset PublishedAt,
    DateTimeOffset? SubmittedOnDailyAt,
    string Title,
    HfSubmitter? SubmittedOnDailyBy,
    string Summary,
    int Upvotes,
    string DiscussionId)
    : HfPaper(Id, Authors, PublishedAt, SubmittedOnDailyAt, Title, SubmittedOnDailyBy, Summary, Upvotes, DiscussionId)
{
    private const int AfterThePaper = 1;

    [JsonPropertyName("linkedModels"), JsonPropertyOrder(AfterThePaper)]
    public IReadOnlyList<object> LinkedModels { get; } = [];

    [JsonPropertyName("numTotalModels"), JsonPropertyOrder(AfterThePaper)]
    public int NumTotalModels => LinkedModels.Count;

    [JsonPropertyName("linkedDatasets"), JsonPropertyOrder(AfterThePaper)]
    public IReadOnlyList<object> LinkedDatasets { get; } = [];

    [JsonPropertyName("numTotalDatasets"), JsonPropertyOrder(AfterThePaper)]
    public int NumTotalDatasets => LinkedDatasets.Count;

    [JsonPropertyName("linkedSpaces"), JsonPropertyOrder(AfterThePaper)]
    public IReadOnlyList<object> LinkedSpaces { get; } = [];

    [JsonPropertyName("numTotalSpaces"), JsonPropertyOrder(AfterThePaper)]
    public int NumTotalSpaces => LinkedSpaces.Count;
}
