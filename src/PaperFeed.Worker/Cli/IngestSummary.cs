using System.Globalization;
using PaperFeed.Data.Ingest;

namespace PaperFeed.Worker.Cli;

/// <summary>
/// The table printed after an ingest: one row per source, the search-index refresh done once after all of them (when
/// it was), and a total, with the time each phase took.
/// </summary>
internal static class IngestSummary
{
    public const string FinalIndexRow = "(search index, after all sources)";

    public static void Print(IReadOnlyList<IngestOutcome> outcomes, TimeSpan? finalIndexTime, TextWriter output)
    {
        var rows = outcomes
            .Select(o => (o.Source, o.Counts, Status: o.Succeeded ? "ok" : "FAILED", o.MergeTime, o.IndexTime))
            .ToList();
        if (finalIndexTime is { } final)
        {
            rows.Add((FinalIndexRow, new BatchCounts(), "ok", TimeSpan.Zero, final));
        }

        var failed = outcomes.Count(o => !o.Succeeded);
        rows.Add((
            "total",
            outcomes.Aggregate(new BatchCounts(), (sum, o) => sum + o.Counts),
            failed == 0 ? "ok" : $"{failed} failed",
            TimeSpan.FromTicks(outcomes.Sum(o => o.MergeTime.Ticks)),
            TimeSpan.FromTicks(outcomes.Sum(o => o.IndexTime.Ticks) + (finalIndexTime ?? TimeSpan.Zero).Ticks)));

        var width = Math.Max(6, rows.Max(r => r.Source.Length));
        output.WriteLine(
            $"{"source".PadRight(width)}  {"inserted",9} {"updated",9} {"unchanged",9} {"rejected",9}" +
            $"  {"merge s",8} {"papers/s",9} {"index s",8}  status");
        foreach (var (source, counts, status, merge, index) in rows)
        {
            var rate = merge.TotalSeconds > 0 ? counts.Records / merge.TotalSeconds : 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{source.PadRight(width)}  {counts.Inserted,9} {counts.Updated,9} {counts.Unchanged,9} {counts.Rejected,9}" +
                $"  {merge.TotalSeconds,8:F2} {rate,9:F0} {index.TotalSeconds,8:F2}  {status}"));
        }
    }
}
