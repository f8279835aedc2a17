using System.Globalization;
using PaperFeed.Data.Ingest;

namespace PaperFeed.Worker.Cli;

/// <summary>The table printed after an ingest: one row per source and a total.</summary>
internal static class IngestSummary
{
    public static void Print(IReadOnlyList<IngestOutcome> outcomes, TextWriter output)
    {
        var rows = outcomes
            .Select(o => (Source: o.Source, o.Counts, Status: o.Succeeded ? "ok" : "FAILED"))
            .ToList();
        var total = outcomes.Aggregate(new BatchCounts(), (sum, o) => sum + o.Counts);
        var failed = outcomes.Count(o => !o.Succeeded);
        rows.Add(("total", total, failed == 0 ? "ok" : $"{failed} failed"));

        var width = Math.Max(6, rows.Max(r => r.Source.Length));
        output.WriteLine($"{"source".PadRight(width)}  {"inserted",9} {"updated",9} {"unchanged",9} {"rejected",9}  status");
        foreach (var (source, counts, status) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{source.PadRight(width)}  {counts.Inserted,9} {counts.Updated,9} {counts.Unchanged,9} {counts.Rejected,9}  {status}"));
        }
    }
}
