using System.CommandLine;
using PaperFeed.Worker.Cli;

namespace PaperFeed.Worker;

/// <summary>The command line behind ./paperfeed: each verb builds the host it needs and runs one job.</summary>
internal static class WorkerProgram
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("PaperFeed worker: database migrations, ingest, embeddings, digests, and the background scheduler.")
        {
            MigrateCommand.Create(),
            IngestCommand.Create(),
            ReembedCommand.Create(),
            RunCommand.Create(),
            DigestCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
