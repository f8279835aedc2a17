using PaperFeed.SearchEvaluation.Benchmarks;
using PaperFeed.SearchEvaluation.Corpus;

namespace PaperFeed.SearchEvaluation.Evaluation;

/// <summary>Turns every benchmark target into paper ids of the catalog, or lists every one that cannot be.</summary>
internal sealed class BenchmarkResolution(PaperCatalog catalog)
{
    private readonly List<UnresolvedTarget> _unresolved = [];

    /// <summary>Resolves all query sets and the judgments; throws <see cref="UnresolvedTargetsException"/> naming each failure.</summary>
    public (IReadOnlyList<ResolvedQuerySet> Sets, ResolvedJudgments? Judgments) ResolveAll(
        IReadOnlyList<QuerySet> sets, SimilarJudgments? judgments)
    {
        var resolvedSets = sets
            .Select(set => new ResolvedQuerySet(set, [.. set.Queries.Select(q => new ResolvedQuery(q, Ids(set.Path, q.Line, q.Target)))]))
            .ToList();
        var resolvedJudgments = judgments is null ? null : new ResolvedJudgments(judgments, [.. judgments.Anchors.Select(a => Resolve(judgments.Path, a))]);
        if (_unresolved.Count > 0)
        {
            throw new UnresolvedTargetsException(_unresolved, catalog.Origin);
        }

        return (resolvedSets, resolvedJudgments);
    }

    private ResolvedAnchor Resolve(string path, JudgedAnchor anchor)
    {
        var anchorIds = Ids(path, anchor.Anchor.Line, anchor.Anchor.Target);
        var related = anchor.Related.SelectMany(r => Ids(path, r.Line, r.Target)).ToHashSet(StringComparer.Ordinal);
        // The lowest id is the one asked about, so that every run asks about the same paper.
        return new ResolvedAnchor(anchor, anchorIds.Order(StringComparer.Ordinal).FirstOrDefault() ?? "", anchorIds, related);
    }

    private HashSet<string> Ids(string path, int line, PaperTarget target)
    {
        var ids = catalog.Resolve(target);
        if (ids.Count == 0)
        {
            _unresolved.Add(new UnresolvedTarget(path, line, target, "no such paper"));
        }
        else if (target.Kind == TargetKind.AbstractPhrase && ids.Count > 1)
        {
            // Titles may legitimately name one paper stored twice; a phrase found in two abstracts is just too short.
            _unresolved.Add(new UnresolvedTarget(path, line, target, $"{ids.Count} papers have this phrase: use a longer one"));
        }

        return ids.ToHashSet(StringComparer.Ordinal);
    }
}
