using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Data;
using PaperFeed.Data.Search;

namespace PaperFeed.Worker.Cli;

/// <summary>
/// <c>migrate</c>: brings the database schema up to date (creating the vector extension on first run), then indexes
/// whatever a migration queued for search.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database migrations.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var builder = WorkerHost.CreateBuilder();
            // EF logs its probe of a not-yet-created history table as a failed command, on every new database
            // (https://github.com/dotnet/efcore/issues/37328); real failures still end the command with an error.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command"] = "Fatal",
            });
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PaperFeedDbContext>();
            var before = await AppliedCountAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            var applied = await AppliedCountAsync(db, cancellationToken) - before;
            Console.WriteLine(applied == 0 ? "Database schema is up to date." : $"Applied {applied} migration(s).");

            // A migration may queue papers for the search index (a new index format re-indexes everything).
            var indexed = await scope.ServiceProvider.GetRequiredService<SearchIndexRefresher>().RefreshAsync(cancellationToken);
            if (indexed > 0)
            {
                Console.WriteLine($"Indexed {indexed} paper(s) for search.");
            }

            return 0;
        });
        return command;
    }

    private static async Task<int> AppliedCountAsync(PaperFeedDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        return await history.ExistsAsync(cancellationToken)
            ? (await history.GetAppliedMigrationsAsync(cancellationToken)).Count
            : 0;
    }
}
