namespace PaperFeed.SearchEvaluation.Reference;

/// <summary>Picks the best-scored documents of a score array without sorting all of it.</summary>
internal static class TopScores
{
    /// <summary>
    /// Indexes of the <paramref name="count"/> highest positive scores, best first; ties go to the lower index, so
    /// that rankings are reproducible. <paramref name="excluded"/> documents are skipped.
    /// </summary>
    public static IReadOnlyList<int> Select(ReadOnlySpan<double> scores, int count, IReadOnlySet<int>? excluded = null)
    {
        // A min-heap of the best so far: its root is the worst kept (lowest score, then highest index).
        var kept = new PriorityQueue<int, (double Score, int Index)>(count + 1, WorstFirst.Instance);
        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            if (score <= 0 || (excluded?.Contains(i) ?? false))
            {
                continue;
            }

            if (kept.Count < count)
            {
                kept.Enqueue(i, (score, i));
            }
            else if (kept.TryPeek(out _, out var worst) && score > worst.Score)
            {
                kept.EnqueueDequeue(i, (score, i));
            }
        }

        var best = new int[kept.Count];
        for (var slot = best.Length - 1; slot >= 0; slot--)
        {
            best[slot] = kept.Dequeue();
        }

        return best;
    }

    private sealed class WorstFirst : IComparer<(double Score, int Index)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, int Index) x, (double Score, int Index) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Index.CompareTo(x.Index);
    }
}
