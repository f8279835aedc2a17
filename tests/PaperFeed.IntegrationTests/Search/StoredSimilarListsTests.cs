using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Similar;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.Worker.Search;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>Similar-paper lists are stored once computed, served while current, and filled ahead by the worker.</summary>
public sealed class StoredSimilarListsTests(HybridSimilarTests.Corpus corpus) : IClassFixture<HybridSimilarTests.Corpus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PaperSearch Search => corpus.Services.GetRequiredService<PaperSearch>();

    private int StoredDepth => corpus.Services.GetRequiredService<SimilarPaperLists>().StoredDepth;

    [Fact]
    public async Task A_computed_list_is_stored_and_the_next_request_is_served_from_it()
    {
        await ForgetStoredListsAsync();

        var computed = await Search.SimilarAsync(corpus.OriginalId, 10, Ct);

        var stored = await StoredIdsAsync(corpus.OriginalId);
        Assert.Equal(StoredDepth, await corpus.Database.ScalarAsync<int>($"SELECT list_depth FROM paper_similar WHERE paper_id = '{corpus.OriginalId}'"));
        Assert.Equal(computed.Select(h => h.PaperId), stored.Take(computed.Count));

        // What the store says is what is served: reversed there, reversed in the answer.
        await corpus.Database.ScalarAsync<int>(
            $"WITH r AS (UPDATE paper_similar SET similar_ids = array(SELECT unnest(similar_ids) ORDER BY 1 DESC) WHERE paper_id = '{corpus.OriginalId}' RETURNING 1) SELECT count(*)::int FROM r");
        var served = await Search.SimilarAsync(corpus.OriginalId, 10, Ct);
        Assert.Equal((await StoredIdsAsync(corpus.OriginalId)).Take(15), served.Select(h => h.PaperId));
    }

    [Fact]
    public async Task A_list_older_than_its_maximum_age_or_too_short_for_the_request_is_computed_again()
    {
        await ForgetStoredListsAsync();
        var fresh = (await Search.SimilarAsync(corpus.OriginalId, 10, Ct)).Select(h => h.PaperId).ToList();
        await corpus.Database.ScalarAsync<int>(
            $"WITH r AS (UPDATE paper_similar SET similar_ids = '{{}}', scores = '{{}}', list_depth = {StoredDepth}, computed_at = now() - interval '2 days' WHERE paper_id = '{corpus.OriginalId}' RETURNING 1) SELECT count(*)::int FROM r");

        Assert.Equal(fresh, (await Search.SimilarAsync(corpus.OriginalId, 10, Ct)).Select(h => h.PaperId));
        Assert.True(await corpus.Database.ScalarAsync<bool>($"SELECT computed_at > now() - interval '1 minute' FROM paper_similar WHERE paper_id = '{corpus.OriginalId}'"));

        // Forty (and five spare) is deeper than a stored list: computed, and stored that deep.
        Assert.Equal(45, (await Search.SimilarAsync(corpus.OriginalId, 40, Ct)).Count);
        Assert.Equal(45, await corpus.Database.ScalarAsync<int>($"SELECT list_depth FROM paper_similar WHERE paper_id = '{corpus.OriginalId}'"));
    }

    [Fact]
    public async Task A_paper_without_a_vector_gets_a_list_that_is_not_stored()
    {
        var unembedded = await corpus.Database.ScalarAsync<string>(
            "SELECT p.id FROM papers p WHERE NOT EXISTS (SELECT 1 FROM paper_embeddings e WHERE e.paper_id = p.id)");

        Assert.NotEmpty(await Search.SimilarAsync(unembedded, 5, Ct));
        Assert.Equal(0L, await corpus.Database.ScalarAsync<long>($"SELECT count(*) FROM paper_similar WHERE paper_id = '{unembedded}'"));
    }

    [Fact]
    public async Task The_worker_stores_the_list_of_every_embedded_paper_and_then_has_nothing_left_to_do()
    {
        await ForgetStoredListsAsync();
        var service = new SimilarPaperListService(
            Search,
            corpus.Services.GetRequiredService<SimilarPaperLists>(),
            corpus.Services.GetRequiredService<NpgsqlDataSource>(),
            Options.Create(new SimilarPaperListOptions { RefreshBatchSize = 7 }),
            TimeProvider.System,
            NullLogger<SimilarPaperListService>.Instance);

        var refreshed = await service.RunOnceAsync(Ct);

        var embedded = await corpus.Database.ScalarAsync<long>("SELECT count(DISTINCT paper_id) FROM paper_embeddings");
        Assert.Equal((int)embedded, refreshed);
        Assert.Equal(embedded, await corpus.Database.ScalarAsync<long>(
            "SELECT count(*) FROM paper_similar s JOIN paper_embeddings e USING (paper_id, model_id) WHERE cardinality(s.similar_ids) > 0"));
        Assert.Equal(0, await service.RunOnceAsync(Ct));
    }

    // Each test starts from an empty store: the class's tests share one database.
    private async Task ForgetStoredListsAsync() =>
        await corpus.Database.ScalarAsync<int>("WITH gone AS (DELETE FROM paper_similar RETURNING 1) SELECT count(*)::int FROM gone");

    private async Task<string[]> StoredIdsAsync(string paperId)
    {
        await using var command = corpus.Database.DataSource.CreateCommand($"SELECT similar_ids FROM paper_similar WHERE paper_id = '{paperId}'");
        return (string[])(await command.ExecuteScalarAsync(Ct))!;
    }
}
