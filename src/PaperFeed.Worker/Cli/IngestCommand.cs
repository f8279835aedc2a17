using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PaperFeed.Core.Ingest;
using PaperFeed.Data.Ingest;
using PaperFeed.Worker.Ingest;
using PaperFeed.Worker.Ingest.Live;

namespace PaperFeed.Worker.Cli;

/// <summary>
/// <c>ingest PATH|URL...</c>: ingests files (or every file of a directory) and URLs (see <see cref="UrlIngester"/>)
/// and prints what each one did.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("sources")
        {
            Description = "Files, directories or http(s) URLs to ingest (an arXiv API query is paged, an OAI-PMH ListRecords URL harvested).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string?>("--format")
        {
            Description = $"Force a format instead of detecting it ({string.Join(", ", PaperSourceReader.Default.Formats)}).",
        };
        var command = new Command("ingest", "Ingest papers from files and URLs and print a summary.") { sources, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = WorkerHost.CreateBuilder();
            builder.Services.AddLiveSources(builder.Configuration);
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var ingester = scope.ServiceProvider.GetRequiredService<PaperIngester>();
            var urls = scope.ServiceProvider.GetRequiredService<UrlIngester>();
            var forced = parse.GetValue(format);
            await using var ingestLock = await IngestLock.AcquireAsync(
                scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>(),
                () => Console.Error.WriteLine("Another ingest is running (a worker or another ingest command); waiting for it to finish."),
                cancellationToken);
            // Holding the lock, this is the only ingest: runs still marked running were cut short by a crash.
            await ingester.CloseInterruptedRunsAsync(cancellationToken);
            var outcomes = new List<IngestOutcome>();
            var expanded = Expand(parse.GetRequiredValue(sources)).ToList();
            // Several files: each run leaves its papers queued, and the search index is refreshed once at the end.
            var refreshOnce = expanded.Count > 1;
            foreach (var source in expanded)
            {
                var outcome = await IngestProgressDisplay.RunAsync(
                    source,
                    progress => LiveUrls.TryParseHttp(source, out var url)
                        ? urls.IngestAsync(url, forced, cancellationToken, progress)
                        : ingester.IngestFileAsync(source, forced, cancellationToken, progress, refreshSearchIndex: !refreshOnce));
                outcomes.Add(outcome);
                if (outcome.Error is { } error)
                {
                    Console.Error.WriteLine($"error: {error}");
                }
            }

            TimeSpan? finalIndexTime = null;
            if (refreshOnce)
            {
                Console.Error.WriteLine("Bringing the search index up to date with every source's papers.");
                finalIndexTime = await ingester.RefreshSearchIndexAsync(cancellationToken);
            }

            IngestSummary.Print(outcomes, finalIndexTime, Console.Out);
            return outcomes.All(o => o.Succeeded) ? 0 : 1;
        });
        return command;
    }

    /// <summary>Directories stand for their files; URLs are kept as they are.</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> sources) =>
        sources.SelectMany(source => LiveUrls.TryParseHttp(source, out _) ? [source] : SourcePaths.Expand([source]));
}
