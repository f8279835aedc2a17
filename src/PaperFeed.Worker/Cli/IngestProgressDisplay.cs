using System.Diagnostics;
using System.Globalization;
using PaperFeed.Data.Ingest;
using Spectre.Console;

namespace PaperFeed.Worker.Cli;

/// <summary>
/// Shows an ingest's progress: on a terminal a live bar (records, bytes, rate, ETA); otherwise (CI, pipes, logs)
/// a plain line every few seconds on stderr, which stays readable in a log file.
/// </summary>
internal static class IngestProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static Task<IngestOutcome> RunAsync(string source, Func<IProgress<IngestProgress>, Task<IngestOutcome>> ingest)
    {
        long? size = File.Exists(source) ? new FileInfo(source).Length : null;
        return AnsiConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected
            ? RunWithBarAsync(source, size, ingest)
            : RunWithLinesAsync(source, size, ingest);
    }

    private static Task<IngestOutcome> RunWithBarAsync(
        string source, long? size, Func<IProgress<IngestProgress>, Task<IngestOutcome>> ingest) =>
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var name = Path.GetFileName(source);
                var task = context.AddTask(Markup.Escape(name), maxValue: size ?? 1);
                task.IsIndeterminate = size is null;
                var clock = Stopwatch.StartNew();
                var outcome = await ingest(new Progress<IngestProgress>(p =>
                {
                    task.Value = p.Bytes ?? 0;
                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"{name}  {p.Records:N0} records, {p.Records / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s"));
                }));
                task.Value = task.MaxValue;
                return outcome;
            });

    private static async Task<IngestOutcome> RunWithLinesAsync(
        string source, long? size, Func<IProgress<IngestProgress>, Task<IngestOutcome>> ingest)
    {
        var clock = Stopwatch.StartNew();
        var lastPrinted = TimeSpan.Zero;
        var outcome = await ingest(new SynchronousProgress(p =>
        {
            if (clock.Elapsed - lastPrinted < PlainInterval)
            {
                return;
            }

            lastPrinted = clock.Elapsed;
            Console.Error.WriteLine(DescribeProgress(source, size, p, clock.Elapsed));
        }));
        if (clock.Elapsed >= PlainInterval)
        {
            Console.Error.WriteLine(DescribeProgress(source, size, new IngestProgress(outcome.Counts.Records, size), clock.Elapsed));
        }

        return outcome;
    }

    internal static string DescribeProgress(string source, long? size, IngestProgress progress, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"ingest {source}: {progress.Records:N0} records, {progress.Records / seconds:N0} records/s");
        if (progress.Bytes is { } bytes && size is > 0 and var total)
        {
            var fraction = Math.Clamp((double)bytes / total, 0, 1);
            var eta = fraction > 0 ? TimeSpan.FromSeconds(seconds / fraction - seconds) : TimeSpan.Zero;
            line += string.Create(CultureInfo.InvariantCulture,
                $", {bytes / 1e6:N1} of {total / 1e6:N1} MB ({fraction:P0}), {bytes / 1e6 / seconds:N1} MB/s, ETA {eta:hh\\:mm\\:ss}");
        }

        return line;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
