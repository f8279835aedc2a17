using System.Globalization;
using PaperFeed.SearchEvaluation.Scoring;

namespace PaperFeed.SearchEvaluation.Report;

/// <summary>
/// Writes a report as aligned plain-text tables (stdout), as Markdown tables ready for docs/search-quality.md, or
/// query by query as TSV (to see which queries a method misses).
/// </summary>
internal static class ReportWriter
{
    private const string LatencyNote =
        "Latency: instance rows are client-side round trips (after one unmeasured warm-up request); "
        + "reference rows are in-process compute time.";

    private static readonly string[] SearchColumns = ["query set", "method", "queries", "MRR@10", "R@10", "p50 ms", "p95 ms", "p99 ms"];
    private static readonly string[] SimilarColumns = ["judgments", "method", "anchors", "P@5", "p50 ms", "p95 ms", "p99 ms"];

    public static void WriteText(EvaluationReport report, TextWriter output)
    {
        output.WriteLine($"PaperFeed search evaluation, {report.When.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"Papers: {report.PaperCount.ToString("N0", CultureInfo.InvariantCulture)} from {report.Origin}");
        if (report.Search.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Known-item search (target paper in the first 10 results)");
            WriteAligned(output, SearchColumns, SearchRows(report), numericFrom: 2);
        }

        if (report.Similar is not null)
        {
            output.WriteLine();
            output.WriteLine("Similar papers (share of the first 5 that the judgments call related)");
            WriteAligned(output, SimilarColumns, SimilarRows(report), numericFrom: 2);
        }

        output.WriteLine();
        output.WriteLine(LatencyNote);
    }

    public static void WriteMarkdown(EvaluationReport report, TextWriter output)
    {
        output.WriteLine($"<!-- ./paperfeed eval-search, {report.When.UtcDateTime:yyyy-MM-dd HH:mm} UTC; "
            + $"{report.PaperCount.ToString("N0", CultureInfo.InvariantCulture)} papers from {report.Origin} -->");
        if (report.Search.Count > 0)
        {
            output.WriteLine();
            WriteMarkdownTable(output, SearchColumns, SearchRows(report), numericFrom: 2);
        }

        if (report.Similar is not null)
        {
            output.WriteLine();
            WriteMarkdownTable(output, SimilarColumns, SimilarRows(report), numericFrom: 2);
        }

        output.WriteLine();
        output.WriteLine(LatencyNote);
    }

    /// <summary>One line per query and method: query set, method, line, rank (empty when missed), query, target.</summary>
    public static void WritePerQuery(EvaluationReport report, TextWriter output)
    {
        output.WriteLine("query_set\tmethod\tline\trank\tquery\ttarget");
        foreach (var set in report.Search)
        {
            foreach (var method in set.Methods)
            {
                foreach (var outcome in method.Outcomes)
                {
                    var query = outcome.Query.Query;
                    output.WriteLine($"{set.Set.Set.Name}\t{method.Method}\t{query.Line}\t{outcome.Rank}\t{query.Text}\t{query.Target}");
                }
            }
        }
    }

    private static IEnumerable<string[]> SearchRows(EvaluationReport report) =>
        report.Search.SelectMany(set => set.Methods.Select(m => (string[])
        [
            set.Set.Set.Name, m.Method, Count(m.Queries), Score(m.Mrr), Score(m.Recall), .. Milliseconds(m.Latency),
        ]));

    private static IEnumerable<string[]> SimilarRows(EvaluationReport report) =>
        report.Similar!.Methods.Select(m => (string[])
        [
            report.Similar.Judgments.Judgments.Name, m.Method, Count(m.Outcomes.Count), Score(m.PrecisionAt5), .. Milliseconds(m.Latency),
        ]);

    private static void WriteAligned(TextWriter output, string[] columns, IEnumerable<string[]> rows, int numericFrom)
    {
        var all = rows.Prepend(columns).ToList();
        var widths = columns.Select((_, c) => all.Max(row => row[c].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, c) => c >= numericFrom ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            output.WriteLine("  " + string.Join("  ", cells).TrimEnd());
        }
    }

    private static void WriteMarkdownTable(TextWriter output, string[] columns, IEnumerable<string[]> rows, int numericFrom)
    {
        output.WriteLine("| " + string.Join(" | ", columns) + " |");
        output.WriteLine("|" + string.Join("|", columns.Select((_, c) => c >= numericFrom ? "---:" : "---")) + "|");
        foreach (var row in rows)
        {
            output.WriteLine("| " + string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Score(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string[] Milliseconds(LatencySummary latency) =>
        [.. new[] { latency.P50, latency.P95, latency.P99 }.Select(ms => ms.ToString("0.0", CultureInfo.InvariantCulture))];
}
