namespace PaperFeed.SearchEvaluation.Scoring;

/// <summary>
/// The standard ranking measures, over ranked paper ids and the set of ids that count as a hit. A known-item
/// query has one target paper, which may be stored under several ids (see PaperCatalog.Resolve): any of them is
/// the hit, and only the first counts.
/// </summary>
internal static class RankingMetrics
{
    /// <summary>The 1-based rank of the first relevant id among the first <paramref name="depth"/>, or null.</summary>
    public static int? FirstRelevantRank(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int depth)
    {
        for (var i = 0; i < Math.Min(depth, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>1/rank of the first hit, 0 without one: averaged over queries, MRR@depth.</summary>
    public static double ReciprocalRank(int? rank) => rank is { } found ? 1.0 / found : 0;

    /// <summary>1 when the target was found within the depth: averaged over known-item queries, Recall@depth.</summary>
    public static double Recall(int? rank) => rank is null ? 0 : 1;

    /// <summary>
    /// The share of the first <paramref name="depth"/> slots holding a relevant id; a list shorter than the depth
    /// counts its empty slots as misses, and an id listed twice counts once.
    /// </summary>
    public static double PrecisionAt(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int depth) =>
        (double)ranked.Take(depth).Distinct(StringComparer.Ordinal).Count(relevant.Contains) / depth;
}
