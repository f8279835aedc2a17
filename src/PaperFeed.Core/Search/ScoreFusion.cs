namespace PaperFeed.Core.Search;

/// <summary>One candidate of one ranking, on that ranking's own scale (BM25, cosine…).</summary>
public readonly record struct RankedCandidate(string Id, double Score);

/// <summary>
/// Normalised score fusion of several rankings of the same query: each ranking's scores become z-scores over its
/// own candidates, and a paper's fused score is the weighted sum of its z-scores. A paper missing from a ranking gets
/// that ranking's lowest z-score, since it ranked below every candidate the ranking returned.
/// </summary>
/// <remarks>
/// Score fusion rather than reciprocal-rank fusion: on this corpus RRF was always below score fusion, and below
/// BM25F alone (docs/search-quality.md), because ranks throw away how far apart the scores are — a known-item
/// query's target often leads BM25 by a wide margin, which RRF forgets.
/// </remarks>
public static class ScoreFusion
{
    public static IReadOnlyList<RankedCandidate> Fuse(IReadOnlyList<IReadOnlyList<RankedCandidate>> rankings, IReadOnlyList<double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Count, rankings.Count, nameof(weights));

        var fused = new Dictionary<string, double>(StringComparer.Ordinal);
        var normalised = rankings.Select(Standardise).ToList();
        foreach (var id in rankings.SelectMany(r => r).Select(c => c.Id).Distinct(StringComparer.Ordinal))
        {
            double score = 0;
            for (var i = 0; i < rankings.Count; i++)
            {
                var (zScores, floor) = normalised[i];
                score += weights[i] * (zScores.TryGetValue(id, out var z) ? z : floor);
            }

            fused[id] = score;
        }

        return fused
            .Select(pair => new RankedCandidate(pair.Key, pair.Value))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    // An empty ranking contributes nothing (floor 0); a ranking whose scores are all equal has no spread to scale by,
    // so its candidates all get z = 0 and everything else a little less.
    private static (Dictionary<string, double> ZScores, double Floor) Standardise(IReadOnlyList<RankedCandidate> ranking)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        if (ranking.Count == 0)
        {
            return (scores, 0);
        }

        var mean = ranking.Average(c => c.Score);
        var deviation = Math.Sqrt(ranking.Average(c => (c.Score - mean) * (c.Score - mean)));
        foreach (var candidate in ranking)
        {
            var z = deviation > 1e-12 ? (candidate.Score - mean) / deviation : 0;
            scores[candidate.Id] = scores.TryGetValue(candidate.Id, out var seen) ? Math.Max(seen, z) : z;
        }

        var floor = deviation > 1e-12 ? scores.Values.Min() : -1;
        return (scores, floor);
    }
}
