using PaperFeed.SearchEvaluation.Benchmarks;

namespace PaperFeed.SearchEvaluation.Evaluation;

/// <summary>A query with the ids its target paper is stored under (usually one).</summary>
internal sealed record ResolvedQuery(KnownItemQuery Query, IReadOnlySet<string> TargetIds);

internal sealed record ResolvedQuerySet(QuerySet Set, IReadOnlyList<ResolvedQuery> Queries);

/// <summary>
/// An anchor resolved to the id its similar papers are asked for (<see cref="AnchorId"/>), every id its paper is
/// stored under (<see cref="AnchorIds"/>: a result that is the anchor itself under another id is no related paper
/// and is skipped), and the ids of its related papers.
/// </summary>
internal sealed record ResolvedAnchor(JudgedAnchor Judged, string AnchorId, IReadOnlySet<string> AnchorIds, IReadOnlySet<string> RelatedIds);

internal sealed record ResolvedJudgments(SimilarJudgments Judgments, IReadOnlyList<ResolvedAnchor> Anchors);

/// <summary>A target no stored paper matches (or, for an abstract phrase, several do).</summary>
internal sealed record UnresolvedTarget(string Path, int Line, PaperTarget Target, string Reason)
{
    public override string ToString() => $"{Path}:{Line}: {Target} ({Reason})";
}

/// <summary>Benchmark targets that name no stored paper: the evaluation would be meaningless without them.</summary>
internal sealed class UnresolvedTargetsException : Exception
{
    public UnresolvedTargetsException(IReadOnlyList<UnresolvedTarget> targets, string origin)
        : base($"{targets.Count} benchmark target(s) match no paper of {origin}:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", targets))
    {
        Targets = targets;
    }

    public UnresolvedTargetsException()
    {
        Targets = [];
    }

    public UnresolvedTargetsException(string message) : base(message)
    {
        Targets = [];
    }

    public UnresolvedTargetsException(string message, Exception innerException) : base(message, innerException)
    {
        Targets = [];
    }

    public IReadOnlyList<UnresolvedTarget> Targets { get; }
}
