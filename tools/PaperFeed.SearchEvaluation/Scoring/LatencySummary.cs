namespace PaperFeed.SearchEvaluation.Scoring;

/// <summary>Median, 95th and 99th percentile of a set of request times, in milliseconds.</summary>
internal sealed record LatencySummary(double P50, double P95, double P99)
{
    /// <summary>
    /// Nearest-rank percentiles (the smallest time that at least p% of the requests did not exceed), so each figure
    /// is a time that was actually measured; with under 100 requests, p99 is the slowest one.
    /// </summary>
    public static LatencySummary Of(IReadOnlyCollection<TimeSpan> times)
    {
        if (times.Count == 0)
        {
            return new LatencySummary(0, 0, 0);
        }

        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToArray();
        return new LatencySummary(Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99));
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
}
