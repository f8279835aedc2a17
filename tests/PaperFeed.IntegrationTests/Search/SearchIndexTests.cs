using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Search;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>
/// The lexical indexer keeps paper_search, the document frequencies and the corpus statistics in step through
/// inserts, re-indexing, deletes, bulk loads and interruptions. Each test has its own database.
/// </summary>
public sealed class SearchIndexTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Indexing_counts_document_frequencies_and_statistics_exactly()
    {
        var papers = GeneratedPapers.Create(300);
        papers.Add(new TestPaper("2502.00001", "Zebrafish Models", "Zebrafish larvae and models of zebrafish behaviour."));

        await SearchCorpus.IngestAsync(_database, papers, Ct);

        await SearchCorpus.AssertConsistentAsync(_database);
        Assert.Equal(301L, await _database.ScalarAsync<long>("SELECT document_count FROM search_statistics"));
        Assert.Equal(1, await SearchCorpus.DocumentFrequencyAsync(_database, "zebrafish"));
        var withModel = papers.Count(p => SearchTextAnalyzer.Stems(p.Title + " " + p.Abstract).Contains("model"));
        Assert.Equal(withModel, await SearchCorpus.DocumentFrequencyAsync(_database, "model"));
    }

    [Fact]
    public async Task A_paper_whose_text_changes_moves_its_frequencies_from_old_terms_to_new()
    {
        var papers = GeneratedPapers.Create(50);
        papers.Add(new TestPaper("2502.00001", "Walrus Tusks", "Walrus tusks grow slowly.", Version: 1));
        await SearchCorpus.IngestAsync(_database, papers, Ct);
        Assert.Equal(1, await SearchCorpus.DocumentFrequencyAsync(_database, "walrus"));

        await SearchCorpus.IngestAsync(_database, [new TestPaper("2502.00001", "Narwhal Tusks", "Narwhal tusks are teeth.", Version: 2)], Ct);

        await SearchCorpus.AssertConsistentAsync(_database);
        Assert.Equal(0, await SearchCorpus.DocumentFrequencyAsync(_database, "walrus"));
        Assert.Equal(1, await SearchCorpus.DocumentFrequencyAsync(_database, "narwhal"));
        Assert.Equal(1, await SearchCorpus.DocumentFrequencyAsync(_database, "tusk"));
        Assert.Equal(51L, await _database.ScalarAsync<long>("SELECT document_count FROM search_statistics"));
    }

    [Fact]
    public async Task Deleting_papers_takes_their_terms_out_of_the_frequencies_and_statistics()
    {
        var papers = GeneratedPapers.Create(200);
        papers.Add(new TestPaper("2502.00001", "Okapi Sightings", "Okapi sightings in the forest."));
        await SearchCorpus.IngestAsync(_database, papers, Ct);

        await using (var db = _database.CreateDbContext())
        {
            // One paper through EF (its index row goes by cascade), then many by plain SQL.
            await db.Papers.Where(p => p.Id == "2502.00001").ExecuteDeleteAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM papers WHERE id < '2501.00100'", Ct);
        }

        await SearchCorpus.AssertConsistentAsync(_database);
        Assert.Equal(0, await SearchCorpus.DocumentFrequencyAsync(_database, "okapi"));
        Assert.Equal(101L, await _database.ScalarAsync<long>("SELECT document_count FROM search_statistics"));

        await _database.ScalarAsync<int>("WITH d AS (DELETE FROM paper_search WHERE paper_id < '2501.00150' RETURNING 1) SELECT count(*)::int FROM d");
        await SearchCorpus.AssertFrequenciesMatchRowsAsync(_database);
    }

    [Fact]
    public async Task A_bulk_load_builds_the_same_index_as_chunk_by_chunk_indexing_and_restores_the_GIN_index()
    {
        var papers = GeneratedPapers.Create(1_500);
        await SearchCorpus.StoreAsync(_database, papers, Ct);
        var bulk = new Data.Search.SearchIndexRefresher(_database.DataSource) { BulkThreshold = 100, ChunkSize = 97, Parallelism = 3 };

        Assert.Equal(1_500, await bulk.RefreshAsync(Ct));

        await SearchCorpus.AssertConsistentAsync(_database);
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_paper_search_terms' AND indexdef LIKE '%USING gin (terms)%'"));
        await AssertEachPartitionIndexedAsync();
        var bulkDigest = await SearchCorpus.IndexDigestAsync(_database);

        await using var other = new TestDatabase();
        await other.InitializeAsync();
        await SearchCorpus.StoreAsync(other, papers, Ct);
        var oneByOne = new Data.Search.SearchIndexRefresher(other.DataSource) { BulkThreshold = int.MaxValue, ChunkSize = 1_000, Parallelism = 1 };
        await oneByOne.RefreshAsync(Ct);

        Assert.Equal(bulkDigest, await SearchCorpus.IndexDigestAsync(other));
    }

    [Fact]
    public async Task A_terms_index_left_dropped_by_a_crashed_bulk_load_is_rebuilt_by_the_next_refresh()
    {
        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(20), Ct);
        await _database.ScalarAsync<int>("SELECT 1 FROM (SELECT 1) x; DROP INDEX ix_paper_search_terms");

        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(3, seed: 2, firstNumber: 500), Ct);

        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_paper_search_terms'"));
        await SearchCorpus.AssertConsistentAsync(_database);
    }

    [Fact]
    public async Task A_refresh_gives_the_partitioned_parent_the_statistics_autovacuum_never_gathers()
    {
        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(120), Ct);
        Assert.Equal(120.0, await _database.ScalarAsync<float>("SELECT reltuples FROM pg_class WHERE oid = 'paper_search'::regclass"));

        // A few papers more keep the estimate (within a tenth); many more renew it.
        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(5, seed: 2, firstNumber: 500), Ct);
        Assert.Equal(120.0, await _database.ScalarAsync<float>("SELECT reltuples FROM pg_class WHERE oid = 'paper_search'::regclass"));
        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(100, seed: 3, firstNumber: 600), Ct);
        Assert.Equal(225.0, await _database.ScalarAsync<float>("SELECT reltuples FROM pg_class WHERE oid = 'paper_search'::regclass"));
    }

    [Fact]
    public async Task A_rebuild_that_crashed_between_the_partitions_indexes_is_finished_by_the_next_refresh()
    {
        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(40), Ct);
        // What a rebuild killed while building leaves: one partition's index built, the other's and the parent's not.
        await _database.ScalarAsync<int>("""
            SELECT 1 FROM (SELECT 1) x; DROP INDEX ix_paper_search_terms;
            CREATE INDEX ix_paper_search_p0_terms ON paper_search_p0 USING gin (terms)
            """);

        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(3, seed: 2, firstNumber: 500), Ct);

        await AssertEachPartitionIndexedAsync();
        await SearchCorpus.AssertConsistentAsync(_database);
        Assert.Equal(43L, await _database.ScalarAsync<long>("SELECT document_count FROM search_statistics"));
    }

    [Fact]
    public async Task The_frequencies_a_crashed_bulk_rebuild_left_unwritten_are_recounted_before_the_index_is_rebuilt()
    {
        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(40), Ct);
        // What a rebuild killed after some chunks leaves: their rows stored, their summed frequencies never written.
        await _database.ScalarAsync<int>("""
            SELECT 1 FROM (SELECT 1) x; DROP INDEX ix_paper_search_terms;
            UPDATE search_statistics SET document_count = 3, title_length_sum = 7, abstract_length_sum = 11;
            DELETE FROM search_terms WHERE term_id % 2 = 0
            """);

        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(3, seed: 2, firstNumber: 500), Ct);

        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_paper_search_terms'"));
        await SearchCorpus.AssertConsistentAsync(_database);
        Assert.Equal(43L, await _database.ScalarAsync<long>("SELECT document_count FROM search_statistics"));
    }

    [Fact]
    public async Task An_interrupted_bulk_rebuild_is_finished_exactly_by_the_next_refresh()
    {
        await SearchCorpus.StoreAsync(_database, GeneratedPapers.Create(3_000), Ct);
        var refresher = new Data.Search.SearchIndexRefresher(_database.DataSource) { BulkThreshold = 100, ChunkSize = 50, Parallelism = 2 };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => refresher.RefreshAsync(stop.Token));

        Assert.Equal(3_000L, await _database.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM paper_search) + (SELECT count(*) FROM paper_search_pending)"));
        await refresher.RefreshAsync(Ct);
        await SearchCorpus.AssertConsistentAsync(_database);
        Assert.Equal(3_000L, await _database.ScalarAsync<long>("SELECT document_count FROM search_statistics"));
    }

    [Fact]
    public async Task An_interrupted_refresh_leaves_the_unfinished_chunks_queued_and_nothing_half_written()
    {
        await SearchCorpus.StoreAsync(_database, GeneratedPapers.Create(3_000), Ct);
        var refresher = new Data.Search.SearchIndexRefresher(_database.DataSource) { ChunkSize = 50, Parallelism = 2 };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => refresher.RefreshAsync(stop.Token));

        await SearchCorpus.AssertFrequenciesMatchRowsAsync(_database);
        Assert.Equal(3_000L, await _database.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM paper_search) + (SELECT count(*) FROM paper_search_pending)"));

        await refresher.RefreshAsync(Ct);
        await SearchCorpus.AssertConsistentAsync(_database);
    }

    [Fact]
    public async Task Average_lengths_drifting_beyond_the_tolerance_reweigh_every_paper()
    {
        var shortPapers = GeneratedPapers.Create(100).Select(p => p with { Abstract = string.Join(' ', p.Abstract.Split(' ').Take(12)) + "." }).ToList();
        await SearchCorpus.IngestAsync(_database, shortPapers, Ct);
        var shortAverage = await _database.ScalarAsync<double>("SELECT weighted_abstract_average FROM search_statistics");

        var longPapers = GeneratedPapers.Create(100, seed: 11, firstNumber: 501, extraAbstractWords: string.Join(' ', Enumerable.Repeat("extra words here", 40)));
        await SearchCorpus.IngestAsync(_database, longPapers, Ct);

        await SearchCorpus.AssertConsistentAsync(_database);
        var (count, sum, weighted) = await StatisticsAsync();
        Assert.True(weighted > shortAverage * 2, $"weighted average {weighted} should have followed the corpus from {shortAverage}");
        Assert.InRange(weighted, sum / count * 0.9, sum / count * 1.1);
        await AssertStoredWeightsAreComputedWithAsync(shortPapers[0], new Bm25Options(), await TitleAverageAsync(), weighted);
    }

    [Fact]
    public async Task Small_additions_keep_the_weights_of_indexed_papers()
    {
        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(300), Ct);
        var before = await _database.ScalarAsync<string>("SELECT weights::text FROM paper_search WHERE paper_id = '2501.00001'");

        await SearchCorpus.IngestAsync(_database, GeneratedPapers.Create(5, seed: 3, firstNumber: 900), Ct);

        Assert.Equal(before, await _database.ScalarAsync<string>("SELECT weights::text FROM paper_search WHERE paper_id = '2501.00001'"));
        await SearchCorpus.AssertConsistentAsync(_database);
    }

    [Fact]
    public async Task Changed_BM25_parameters_reweigh_every_paper()
    {
        var papers = GeneratedPapers.Create(100);
        await SearchCorpus.IngestAsync(_database, papers, Ct);
        var options = new Bm25Options { K1 = 1.5, B = 0.8, TitleWeight = 2 };

        await SearchCorpus.Refresher(_database, options).RefreshAsync(Ct);

        await SearchCorpus.AssertConsistentAsync(_database);
        Assert.Equal(options.Signature, await _database.ScalarAsync<string>("SELECT weighted_with FROM search_statistics"));
        var (_, _, weighted) = await StatisticsAsync();
        await AssertStoredWeightsAreComputedWithAsync(papers[7], options, await TitleAverageAsync(), weighted);
    }

    private async Task<(long Count, long AbstractSum, double WeightedAbstract)> StatisticsAsync() => (
        await _database.ScalarAsync<long>("SELECT document_count FROM search_statistics"),
        await _database.ScalarAsync<long>("SELECT abstract_length_sum FROM search_statistics"),
        await _database.ScalarAsync<double>("SELECT weighted_abstract_average FROM search_statistics"));

    private Task<double> TitleAverageAsync() => _database.ScalarAsync<double>("SELECT weighted_title_average FROM search_statistics");

    private async Task AssertStoredWeightsAreComputedWithAsync(TestPaper paper, Bm25Options options, double titleAverage, double abstractAverage)
    {
        await using var db = _database.CreateDbContext();
        var stored = await db.Set<Data.Search.PaperSearchDocument>().SingleAsync(d => d.PaperId == paper.PaperId, Ct);
        var paperRow = await db.Papers.SingleAsync(p => p.Id == paper.PaperId, Ct);
        var expected = Bm25FDocument.Analyze(paperRow.Title, paperRow.Abstract).Weigh(options, titleAverage, abstractAverage);
        Assert.Equal(expected.Ids, stored.Terms);
        Assert.Equal(expected.Ids, stored.Weights.Indices.ToArray());
        Assert.Equal(expected.Weights, stored.Weights.Values.ToArray());
    }

    // Both partitions hold papers, and each one's GIN index is the one attached to the parent's (not a second copy).
    private async Task AssertEachPartitionIndexedAsync()
    {
        Assert.Equal(2L, await _database.ScalarAsync<long>("SELECT count(DISTINCT tableoid) FROM paper_search"));
        Assert.Equal(2L, await _database.ScalarAsync<long>("""
            SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'ix_paper_search_terms'::regclass
              AND c.relname IN ('ix_paper_search_p0_terms', 'ix_paper_search_p1_terms')
            """));
        Assert.Equal(3L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_indexes WHERE tablename LIKE 'paper_search%' AND indexdef LIKE '%USING gin (terms)%'"));
    }
}
