using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Core.Ingest;
using PaperFeed.Data.Ingest;
using PaperFeed.Worker.Ingest;

namespace PaperFeed.Worker.Cli;

/// <summary><c>ingest PATH...</c>: ingests files (or every file of a directory) and prints what each one did.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or directories to ingest.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format")
        {
            Description = $"Force a format instead of detecting it ({string.Join(", ", PaperSourceReader.Default.Formats)}).",
        };
        var command = new Command("ingest", "Ingest papers from files and print a summary.") { paths, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = WorkerHost.CreateBuilder().Build();
            var ingester = host.Services.GetRequiredService<PaperIngester>();
            var outcomes = new List<IngestOutcome>();
            foreach (var file in SourcePaths.Expand(parse.GetRequiredValue(paths)))
            {
                var outcome = await IngestProgressDisplay.RunAsync(
                    file, progress => ingester.IngestFileAsync(file, parse.GetValue(format), cancellationToken, progress));
                outcomes.Add(outcome);
                if (outcome.Error is { } error)
                {
                    Console.Error.WriteLine($"error: {error}");
                }
            }

            IngestSummary.Print(outcomes, Console.Out);
            return outcomes.All(o => o.Succeeded) ? 0 : 1;
        });
        return command;
    }
}
