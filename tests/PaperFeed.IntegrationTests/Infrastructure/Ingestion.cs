using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;
using PaperFeed.Data;
using PaperFeed.Data.Ingest;
using PaperFeed.Data.Search;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>The production ingest pipeline wired to a test database, with a fixed "today".</summary>
public static class Ingestion
{
    /// <summary>The day the tests pretend to ingest on: sample dates without a year resolve against it.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <param name="reader">The parsers to use; all built-in ones by default.</param>
    public static PaperIngester CreateIngester(
        TestDatabase database, int batchSize = PaperIngester.DefaultBatchSize, PaperSourceReader? reader = null,
        int bulkThreshold = PaperIngester.DefaultBulkThreshold) =>
        new(
            new DbContextFactory(database),
            new PaperBatchWriter(database.DataSource),
            new SearchIndexRefresher(database.DataSource),
            new BulkLoadIndexes(database.DataSource),
            reader ?? PaperSourceReader.Default,
            new FixedClock(Today))
        {
            BatchSize = batchSize,
            BulkThreshold = bulkThreshold,
        };

    /// <summary>Ingests <paramref name="text"/> as a file of its own (for example abstract lines) and asserts that it loaded.</summary>
    public static async Task IngestTextAsync(PaperIngester ingester, string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"paperfeed-text-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, text);
        try
        {
            var outcome = await ingester.IngestFileAsync(file, null, CancellationToken.None);
            Assert.Null(outcome.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed class DbContextFactory(TestDatabase database) : IDbContextFactory<PaperFeedDbContext>
    {
        public PaperFeedDbContext CreateDbContext() => database.CreateDbContext();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
