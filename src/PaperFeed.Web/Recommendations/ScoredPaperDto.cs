using PaperFeed.Data.Papers;
using PaperFeed.Web.Papers;

namespace PaperFeed.Web.Recommendations;

/// <summary>A paper and how close it is to what was asked for (higher is closer; the scale is the ranking's own).</summary>
public sealed record ScoredPaperDto : PaperDto
{
    private ScoredPaperDto(PaperDto paper, double score)
        : base(paper) => Score = score;

    public double Score { get; init; }

    public static ScoredPaperDto From(Paper paper, double score) => new(paper.ToDto(), Math.Round(score, 6));
}

public sealed record ScoredPaperListDto(IReadOnlyList<ScoredPaperDto> Items);

/// <summary>Papers like <c>positive</c> and unlike <c>negative</c> (ids or arXiv ids), as Semantic Scholar's recommendations API takes them.</summary>
/// <param name="Positive">1 to 50 papers to find more of.</param>
/// <param name="Negative">Up to 50 papers to steer away from.</param>
/// <param name="Limit">How many to recommend, 1 to 100 (default 20).</param>
public sealed record RecommendationRequestDto(IReadOnlyList<string>? Positive, IReadOnlyList<string>? Negative, int? Limit);
