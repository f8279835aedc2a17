using System.Diagnostics;
using PaperFeed.SearchEvaluation.Scoring;

namespace PaperFeed.SearchEvaluation.Evaluation;

/// <summary>The first <see cref="SimilarEvaluation.Depth"/> similar papers a method gave for an anchor, and how many were judged related.</summary>
internal sealed record AnchorOutcome(ResolvedAnchor Anchor, IReadOnlyList<string> Top, int RelatedFound);

/// <summary>One method's precision@5 and latency over the judged anchors.</summary>
internal sealed record SimilarScores(
    string Method, bool IsReference, double PrecisionAt5, LatencySummary Latency, IReadOnlyList<AnchorOutcome> Outcomes);

/// <summary>Asks a method for each anchor's similar papers and scores them against the judgments.</summary>
internal static class SimilarEvaluation
{
    /// <summary>Precision at 5: the similar-papers box shows five.</summary>
    public const int Depth = 5;

    public static async Task<SimilarScores> RunAsync(ISimilarMethod method, ResolvedJudgments judgments, CancellationToken cancellationToken)
    {
        if (judgments.Anchors.Count > 0)
        {
            await method.SimilarAsync(judgments.Anchors[0].AnchorId, Depth, cancellationToken); // warm-up, as for search
        }

        var outcomes = new List<AnchorOutcome>(judgments.Anchors.Count);
        var times = new List<TimeSpan>(judgments.Anchors.Count);
        foreach (var anchor in judgments.Anchors)
        {
            // The anchor's other copies (same title, other source) are the anchor, not related papers: they are
            // skipped, and asked for in their place so that five real candidates remain.
            var started = Stopwatch.GetTimestamp();
            var ranked = await method.SimilarAsync(anchor.AnchorId, Depth + anchor.AnchorIds.Count - 1, cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(started));
            var top = ranked.Where(id => !anchor.AnchorIds.Contains(id)).Take(Depth).ToList();
            outcomes.Add(new AnchorOutcome(anchor, top, top.Distinct(StringComparer.Ordinal).Count(anchor.RelatedIds.Contains)));
        }

        return new SimilarScores(
            method.Name,
            method.IsReference,
            outcomes.Select(o => RankingMetrics.PrecisionAt(o.Top, o.Anchor.RelatedIds, Depth)).DefaultIfEmpty(0).Average(),
            LatencySummary.Of(times),
            outcomes);
    }
}
