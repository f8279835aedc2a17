using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>Upgrading a database indexed with the old full-text vectors queues every paper for the BM25F index.</summary>
public sealed class LexicalIndexMigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Migrating_from_the_tsvector_index_queues_every_paper_and_the_refresh_indexes_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await SearchCorpus.IngestAsync(database, GeneratedPapers.Create(40), ct);
        await using var db = database.CreateDbContext();
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync("DiscoverySchema", ct);
        // The old schema, as an indexed deployment has it: a tsvector row per paper, nothing queued.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO paper_search (paper_id, search_vector) SELECT id, to_tsvector('english', title) FROM papers ON CONFLICT (paper_id) DO UPDATE SET search_vector = excluded.search_vector", ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM paper_search_pending", ct);
        await migrator.MigrateAsync(cancellationToken: ct);

        Assert.Equal(40L, await database.ScalarAsync<long>("SELECT count(*) FROM paper_search_pending"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM paper_search"));
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'paper_search' AND column_name = 'search_vector'"));

        Assert.Equal(40, await SearchCorpus.Refresher(database).RefreshAsync(ct));
        await SearchCorpus.AssertConsistentAsync(database);
    }
}
