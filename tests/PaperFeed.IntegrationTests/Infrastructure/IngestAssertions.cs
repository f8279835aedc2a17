using System.Text;
using Microsoft.EntityFrameworkCore;
using PaperFeed.Data;
using PaperFeed.Data.Ingest;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>
/// What the per-format ingest tests share: the Core tests' real samples, ingesting a made-up source from a
/// string, and checking that a second ingest of the same files changes nothing.
/// </summary>
public static class IngestAssertions
{
    /// <summary>The samples of one format, <c>tests/PaperFeed.Core.Tests/Fixtures/&lt;format&gt;</c>.</summary>
    public static string FixturesOf(string format) =>
        Path.Combine(RepoPaths.Root, "tests", "PaperFeed.Core.Tests", "Fixtures", format);

    public static Task<IngestOutcome> IngestTextAsync(this PaperIngester ingester, string text, string sourceName, CancellationToken cancellationToken, string? format = null) =>
        ingester.IngestAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), sourceName, format, cancellationToken);

    /// <summary>Ingests the files one after another, detecting their format.</summary>
    public static async Task<List<IngestOutcome>> IngestFilesAsync(this PaperIngester ingester, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var outcomes = new List<IngestOutcome>();
        foreach (var file in files)
        {
            outcomes.Add(await ingester.IngestFileAsync(file, format: null, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>Ingests the files again and checks that each succeeds with nothing inserted and nothing updated.</summary>
    public static async Task AssertReingestingChangesNothingAsync(this PaperIngester ingester, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        foreach (IngestOutcome again in await ingester.IngestFilesAsync(files, cancellationToken))
        {
            Assert.Null(again.Error);
            Assert.Equal(0, again.Counts.Inserted);
            Assert.Equal(0, again.Counts.Updated);
        }
    }

    /// <summary>Checks how the latest ingest run of a source ended.</summary>
    public static async Task AssertLatestRunAsync(this TestDatabase database, string source, IngestRunStatus status, CancellationToken cancellationToken)
    {
        await using PaperFeedDbContext db = database.CreateDbContext();
        Assert.Equal(status, (await db.LatestRunAsync(source, cancellationToken)).Status);
    }

    /// <summary>The latest ingest run of a source.</summary>
    public static Task<IngestRun> LatestRunAsync(this PaperFeedDbContext db, string source, CancellationToken cancellationToken) =>
        db.IngestRuns.OrderByDescending(run => run.Id).FirstAsync(run => run.Source == source, cancellationToken);
}
