using System.Diagnostics;
using System.Globalization;
using PaperFeed.Data.Embeddings;
using Spectre.Console;

namespace PaperFeed.Worker.Cli;

/// <summary>
/// Shows a reembed's progress: on a terminal a live bar (stage, papers embedded, rate, ETA); otherwise (CI, pipes,
/// logs) a plain line on stderr at each stage and every few seconds while embedding.
/// </summary>
internal static class ReembedProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static Task<ReembedResult> RunAsync(Func<IProgress<ReembedProgress>, Task<ReembedResult>> reembed) =>
        AnsiConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected
            ? RunWithBarAsync(reembed)
            : RunWithLinesAsync(reembed);

    private static Task<ReembedResult> RunWithBarAsync(Func<IProgress<ReembedProgress>, Task<ReembedResult>> reembed) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("reembed", maxValue: 1);
                task.IsIndeterminate = true;
                var clock = Stopwatch.StartNew();
                var result = await reembed(new Progress<ReembedProgress>(p =>
                {
                    if (p.Stage == ReembedStage.Embedding && p.Total > 0)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = p.Total;
                        task.Value = p.Done;
                    }
                    else if (p.Stage != ReembedStage.Embedding)
                    {
                        task.IsIndeterminate = p.Stage != ReembedStage.RemovingRetired;
                    }

                    task.Description = Markup.Escape(Describe(p, clock.Elapsed));
                }));
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                return result;
            });

    private static async Task<ReembedResult> RunWithLinesAsync(Func<IProgress<ReembedProgress>, Task<ReembedResult>> reembed)
    {
        var clock = Stopwatch.StartNew();
        var lastPrinted = TimeSpan.MinValue;
        ReembedStage? lastStage = null;
        return await reembed(new SynchronousProgress(p =>
        {
            if (p.Stage == lastStage && p.Message is null && clock.Elapsed - lastPrinted < PlainInterval && p.Done < p.Total)
            {
                return;
            }

            lastStage = p.Stage;
            lastPrinted = clock.Elapsed;
            Console.Error.WriteLine("reembed: " + Describe(p, clock.Elapsed));
        }));
    }

    internal static string Describe(ReembedProgress progress, TimeSpan elapsed) => progress.Stage switch
    {
        ReembedStage.Embedding => string.Create(CultureInfo.InvariantCulture,
            $"embedding {progress.Done:N0} of {progress.Total:N0} papers, {progress.Done / Math.Max(elapsed.TotalSeconds, 0.001):N0}/s"),
        _ => progress.Message ?? progress.Stage.ToString(),
    };

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress(Action<ReembedProgress> report) : IProgress<ReembedProgress>
    {
        private readonly Lock _gate = new();

        public void Report(ReembedProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
