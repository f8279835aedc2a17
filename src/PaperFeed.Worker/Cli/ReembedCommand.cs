using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using PaperFeed.Data.Embeddings;

namespace PaperFeed.Worker.Cli;

/// <summary>
/// <c>reembed</c>: fits (or takes from configuration) a new embedding model version, embeds every paper under it
/// while the active model keeps serving queries, then switches to it and drops the old vectors.
/// </summary>
internal static class ReembedCommand
{
    public static Command Create()
    {
        var command = new Command("reembed", "Fit a new embedding model, embed every paper with it, and switch semantic search to it.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var builder = WorkerHost.CreateBuilder();
            using var host = builder.Build();
            var services = host.Services;
            // The host is not started (nothing runs in the background), so its start-up validation runs here.
            services.GetRequiredService<IStartupValidator>().Validate();
            var maintenance = services.GetRequiredService<EmbeddingMaintenance>();
            await using var embeddingLock = await EmbeddingLock.AcquireAsync(
                services.GetRequiredService<NpgsqlDataSource>(),
                () => Console.Error.WriteLine("Another process is fitting or writing vectors (a worker or another reembed); waiting for it to finish."),
                cancellationToken);
            var result = await ReembedProgressDisplay.RunAsync(progress => maintenance.ReembedAsync(progress, cancellationToken));
            Print(result, Console.Out);
            return 0;
        });
        return command;
    }

    private static void Print(ReembedResult result, TextWriter output)
    {
        var rate = result.EmbedTime.TotalSeconds > 0 ? result.Counts.Embedded / result.EmbedTime.TotalSeconds : 0;
        output.WriteLine($"model      {result.Model.Name} (id {result.Model.Id}, {result.Model.Dimensions} dimensions) is active");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"papers     {result.Counts.Embedded:N0} embedded, {result.Counts.WithoutKnownWords:N0} without a word the model knows"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"time       fit {result.FitTime.TotalSeconds:F1} s, embed {result.EmbedTime.TotalSeconds:F1} s ({rate:F0} papers/s), index {result.IndexTime.TotalSeconds:F1} s"));
    }
}
