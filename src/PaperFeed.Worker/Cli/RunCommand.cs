using System.CommandLine;
using Microsoft.Extensions.Hosting;
using PaperFeed.Worker.Digests;
using PaperFeed.Worker.Embeddings;
using PaperFeed.Worker.Ingest;
using PaperFeed.Worker.Search;

namespace PaperFeed.Worker.Cli;

/// <summary><c>run</c>: the long-running worker, hosting the background jobs until stopped (SIGTERM / Ctrl-C).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the background worker until stopped.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var builder = WorkerHost.CreateBuilder();
            builder.Services.AddLiveSources(builder.Configuration).AddScheduledIngest(builder.Configuration);
            builder.Services.AddBackgroundEmbedding();
            builder.Services.AddSimilarPaperRefresh();
            builder.Services.AddDigestSending(builder.Configuration).AddDigestScheduler(builder.Configuration);
            using var host = builder.Build();
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
