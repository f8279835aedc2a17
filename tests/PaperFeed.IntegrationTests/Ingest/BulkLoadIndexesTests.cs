using Npgsql;
using PaperFeed.Data.Ingest;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>A bulk load drops the secondary indexes of papers and ends with exactly those the migrations create.</summary>
public sealed class BulkLoadIndexesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_bulk_load_drops_the_secondary_indexes_and_rebuilds_them_as_migrated_a_small_one_keeps_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var migrated = await IndexDefinitionsAsync(ct);
        Assert.All(BulkLoadIndexes.Deferred, index => Assert.Contains(index.Name, migrated.Keys));

        // 50 papers in batches of 10 into an empty table: a bulk load once 20 are in.
        var ingester = Ingestion.CreateIngester(database, batchSize: 10, bulkThreshold: 20);
        var file = RepoPaths.SampleFiles[0];
        var run = await ingester.StartRunAsync(file, format: null, ct);
        await using (var stream = File.OpenRead(file))
        {
            await ingester.WriteAsync(run, stream, file, ct);
        }

        Assert.True(run.DroppedIndexes);
        Assert.DoesNotContain(BulkLoadIndexes.Deferred[0].Name, (await IndexDefinitionsAsync(ct)).Keys);
        var outcome = await ingester.FinishRunAsync(run, error: null, ct);
        Assert.True(outcome.Counts.Inserted >= 20);
        Assert.Equal(migrated, await IndexDefinitionsAsync(ct));

        // The same papers again insert nothing: not a bulk load.
        var again = await ingester.StartRunAsync(file, format: null, ct);
        await using (var stream = File.OpenRead(file))
        {
            await ingester.WriteAsync(again, stream, file, ct);
        }

        Assert.False(again.DroppedIndexes);
        Assert.Equal(migrated, await IndexDefinitionsAsync(ct));
        await ingester.FinishRunAsync(again, error: null, ct);
    }

    [Fact]
    public async Task Indexes_a_crashed_bulk_load_left_dropped_are_built_again_before_the_next_ingest()
    {
        var ct = TestContext.Current.CancellationToken;
        var migrated = await IndexDefinitionsAsync(ct);
        Assert.True(await new BulkLoadIndexes(database.DataSource).DropAsync(ct));
        Assert.Equal(migrated.Count - BulkLoadIndexes.Deferred.Count, (await IndexDefinitionsAsync(ct)).Count);

        await Ingestion.CreateIngester(database).CloseInterruptedRunsAsync(ct);

        Assert.Equal(migrated, await IndexDefinitionsAsync(ct));
    }

    private async Task<Dictionary<string, string>> IndexDefinitionsAsync(CancellationToken ct)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'papers'");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var definitions = new Dictionary<string, string>();
        while (await reader.ReadAsync(ct))
        {
            definitions[reader.GetString(0)] = reader.GetString(1);
        }

        return definitions;
    }
}
