using System.Diagnostics;
using PaperFeed.SearchEvaluation.Scoring;

namespace PaperFeed.SearchEvaluation.Evaluation;

/// <summary>Where one query's target landed (null: not in the first <see cref="KnownItemEvaluation.Depth"/>).</summary>
internal sealed record QueryOutcome(ResolvedQuery Query, int? Rank);

/// <summary>One method's MRR@10, Recall@10 and latency on one query set.</summary>
internal sealed record KnownItemScores(
    string Method, bool IsReference, double Mrr, double Recall, LatencySummary Latency, IReadOnlyList<QueryOutcome> Outcomes)
{
    public int Queries => Outcomes.Count;
}

/// <summary>Runs every query of a set through a method and scores where the target paper ranks.</summary>
internal static class KnownItemEvaluation
{
    /// <summary>How many results are asked for and scored: MRR@10 and Recall@10.</summary>
    public const int Depth = 10;

    public static async Task<KnownItemScores> RunAsync(ISearchMethod method, ResolvedQuerySet set, CancellationToken cancellationToken)
    {
        // One unmeasured request first: the first one pays for connection set-up and cold caches, which would
        // otherwise be the p99 of a 70-query set.
        if (set.Queries.Count > 0)
        {
            await method.SearchAsync(set.Queries[0].Query.Text, Depth, cancellationToken);
        }

        var outcomes = new List<QueryOutcome>(set.Queries.Count);
        var times = new List<TimeSpan>(set.Queries.Count);
        foreach (var query in set.Queries)
        {
            var started = Stopwatch.GetTimestamp();
            var ranked = await method.SearchAsync(query.Query.Text, Depth, cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(started));
            outcomes.Add(new QueryOutcome(query, RankingMetrics.FirstRelevantRank(ranked, query.TargetIds, Depth)));
        }

        return new KnownItemScores(
            method.Name,
            method.IsReference,
            Average(outcomes.Select(o => RankingMetrics.ReciprocalRank(o.Rank))),
            Average(outcomes.Select(o => RankingMetrics.Recall(o.Rank))),
            LatencySummary.Of(times),
            outcomes);
    }

    private static double Average(IEnumerable<double> values) => values.DefaultIfEmpty(0).Average();
}
