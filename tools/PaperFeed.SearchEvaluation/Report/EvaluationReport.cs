using PaperFeed.SearchEvaluation.Evaluation;

namespace PaperFeed.SearchEvaluation.Report;

/// <summary>The scores of every method on one query set.</summary>
internal sealed record QuerySetReport(ResolvedQuerySet Set, IReadOnlyList<KnownItemScores> Methods);

/// <summary>The scores of every method on the similar-paper judgments.</summary>
internal sealed record SimilarReport(ResolvedJudgments Judgments, IReadOnlyList<SimilarScores> Methods);

/// <summary>Everything one evaluation run measured, and on which papers.</summary>
internal sealed record EvaluationReport(
    string Origin, int PaperCount, DateTimeOffset When, IReadOnlyList<QuerySetReport> Search, SimilarReport? Similar);
