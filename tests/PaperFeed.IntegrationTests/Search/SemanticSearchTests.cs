using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PaperFeed.Data.Embeddings;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Semantic;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>Semantic search over the sample papers, embedded with a corpus model fitted on them.</summary>
public sealed class SemanticSearchTests(SemanticSearchFixture fixture) : IClassFixture<SemanticSearchFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Finds_a_paper_from_a_paraphrase_of_its_abstract()
    {
        var portaSpeech = await PaperIdAsync("PortaSpeech: Portable and High-Quality Generative Text-to-Speech");

        var hits = await fixture.Search.SearchAsync(
            "small lightweight speech synthesis model with a VAE prior and a flow based post-net for natural prosody",
            SearchFilter.None, 5, Ct);

        Assert.Contains(portaSpeech, hits.Select(h => h.PaperId));
    }

    [Fact]
    public async Task Scores_are_cosine_similarities_in_falling_order()
    {
        var hits = await fixture.Search.SearchAsync("language model tokenization of bytes and characters", SearchFilter.None, 10, Ct);

        Assert.Equal(10, hits.Count);
        Assert.All(hits, h => Assert.InRange(h.Score, -1.0001, 1.0001));
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.PaperId), hits.Select(h => h.PaperId));
        Assert.All(hits, h => Assert.False(h.Pinned));
    }

    [Fact]
    public async Task A_query_without_a_known_word_finds_nothing()
    {
        Assert.Empty(await fixture.Search.SearchAsync("zzyzx qwxvp", SearchFilter.None, 10, Ct));
        Assert.Empty(await fixture.Search.SearchAsync("   ", SearchFilter.None, 10, Ct));
    }

    [Fact]
    public async Task Similar_papers_never_include_the_paper_itself()
    {
        var portaSpeech = await PaperIdAsync("PortaSpeech: Portable and High-Quality Generative Text-to-Speech");

        var hits = await fixture.Search.SimilarToPaperAsync(portaSpeech, 10, Ct);

        Assert.Equal(10, hits.Count);
        Assert.DoesNotContain(portaSpeech, hits.Select(h => h.PaperId));
        Assert.Empty(await fixture.Search.SimilarToPaperAsync("2501.99999", 10, Ct));
    }

    [Fact]
    public async Task Examples_pull_towards_positives_and_away_from_negatives_and_are_never_returned()
    {
        var positive = await fixture.Search.SearchAsync("speech synthesis text to speech", SearchFilter.None, 2, Ct);
        var negative = await fixture.Search.SearchAsync("image generation diffusion", SearchFilter.None, 1, Ct);
        string[] positives = [.. positive.Select(h => h.PaperId)];
        string[] negatives = [negative[0].PaperId];

        var towards = await fixture.Search.NearestToExamplesAsync(positives, [], 20, Ct);
        var away = await fixture.Search.NearestToExamplesAsync(positives, negatives, 20, Ct);

        Assert.Equal(20, away.Count);
        Assert.Empty(away.Select(h => h.PaperId).Intersect([.. positives, .. negatives]));
        Assert.Empty(towards.Select(h => h.PaperId).Intersect(positives));
        // Moving away from the negative example lowers what resembles it.
        var nearNegative = (await fixture.Search.SimilarToPaperAsync(negatives[0], 3, Ct)).Select(h => h.PaperId).ToHashSet();
        double Rank(IReadOnlyList<SearchHit> hits) => hits.Select((h, i) => nearNegative.Contains(h.PaperId) ? i : hits.Count).Sum();
        Assert.True(Rank(away) >= Rank(towards), "papers like the negative example should not rank higher after pushing away from it");
        Assert.Empty(await fixture.Search.NearestToExamplesAsync([], negatives, 10, Ct));
    }

    [Fact]
    public async Task Date_filter_keeps_only_papers_published_on_those_UTC_days()
    {
        var day = await fixture.Database.ScalarAsync<DateTime>(
            "SELECT published_at FROM papers WHERE published_at IS NOT NULL GROUP BY published_at ORDER BY count(*) DESC LIMIT 1");
        var only = DateOnly.FromDateTime(day.ToUniversalTime());

        var hits = await fixture.Search.SearchAsync("language models", new SearchFilter(only, only), 100, Ct);

        var expected = await PaperIdsAsync($"SELECT id FROM papers WHERE published_at >= '{only:yyyy-MM-dd}T00:00:00Z' AND published_at < '{only.AddDays(1):yyyy-MM-dd}T00:00:00Z'");
        Assert.NotEmpty(hits);
        Assert.Subset(expected.ToHashSet(), hits.Select(h => h.PaperId).ToHashSet());
        // Every paper of that day with a vector, though the day is a small part of the corpus.
        Assert.Equal(await EmbeddedCountAsync(expected), hits.Count);
    }

    [Fact]
    public async Task Category_filter_keeps_only_papers_of_that_category()
    {
        // The sample pages carry no categories: give a few papers one.
        var tagged = await PaperIdsAsync("SELECT id FROM papers ORDER BY id DESC LIMIT 7");
        await using (var tag = fixture.Database.DataSource.CreateCommand("UPDATE papers SET categories = categories || '{test.semantic}' WHERE id = ANY($1)"))
        {
            tag.Parameters.Add(new NpgsqlParameter { Value = tagged.ToArray() });
            await tag.ExecuteNonQueryAsync(Ct);
        }

        var hits = await fixture.Search.SearchAsync("a new method", new SearchFilter(Category: "test.semantic"), 20, Ct);

        Assert.Equal(tagged.Order(StringComparer.Ordinal), hits.Select(h => h.PaperId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Queries_use_the_active_models_HNSW_index(bool dateFilter, bool categoryFilter)
    {
        var query = SemanticSearch.NearestQuery(fixture.Model, Enumerable.Repeat(0.1f, fixture.Model.Dimensions).ToArray(), Filter(dateFilter, categoryFilter), ["x"], 10);

        // 148 rows are cheaper to scan than to search: forbid the scan to see whether the index fits the query at all.
        var plan = await PlanAsync(query, "SET LOCAL enable_seqscan = off");

        Assert.Contains(plan, line => line.Contains($"Index Scan using {EmbeddingModelLifecycle.IndexName(fixture.Model.Id)}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Narrow_filters_compare_with_every_paper_they_keep_and_never_walk_the_graph(bool dateFilter, bool categoryFilter)
    {
        var vector = Enumerable.Range(0, fixture.Model.Dimensions).Select(i => (float)Math.Sin(i)).ToArray();
        var query = SemanticSearch.ExactQuery(fixture.Model, vector, Filter(dateFilter, categoryFilter), [], 10);

        // Even with scans forbidden, the index cannot serve it (the filters' own results are checked above).
        var plan = await PlanAsync(query, "SET LOCAL enable_seqscan = off");

        Assert.DoesNotContain(plan, line => line.Contains(EmbeddingModelLifecycle.IndexName(fixture.Model.Id), StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("Sort", StringComparison.Ordinal));
    }

    private static SearchFilter Filter(bool dateFilter, bool categoryFilter) => new(
        dateFilter ? new DateOnly(2024, 1, 1) : null, dateFilter ? new DateOnly(2024, 12, 31) : null, categoryFilter ? "cs.CL" : null);

    private async Task<List<string>> PlanAsync(NpgsqlBatchCommand query, string settings)
    {
        await using var connection = await fixture.Database.DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var set = new NpgsqlCommand(settings, connection, transaction))
        {
            await set.ExecuteNonQueryAsync(Ct);
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + query.CommandText, connection, transaction);
        foreach (NpgsqlParameter parameter in query.Parameters)
        {
            var copy = new NpgsqlParameter { Value = parameter.Value };
            if (parameter.NpgsqlDbType != NpgsqlTypes.NpgsqlDbType.Unknown)
            {
                copy.NpgsqlDbType = parameter.NpgsqlDbType;
            }

            explain.Parameters.Add(copy);
        }

        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetString(0));
        }

        return plan;
    }

    [Fact]
    public async Task Search_is_ready_once_a_model_is_active()
    {
        Assert.True(await fixture.Search.IsReadyAsync(Ct));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM embedding_models WHERE state = 1"));
    }

    private async Task<string> PaperIdAsync(string title) =>
        (await PaperIdsAsync($"SELECT id FROM papers WHERE title = '{title.Replace("'", "''", StringComparison.Ordinal)}'")).Single();

    private async Task<List<string>> PaperIdsAsync(string sql)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<long> EmbeddedCountAsync(IReadOnlyList<string> ids)
    {
        await using var command = fixture.Database.DataSource.CreateCommand("SELECT count(*) FROM paper_embeddings WHERE model_id = $1 AND paper_id = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = fixture.Model.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}

/// <summary>Before any model is fitted, semantic search answers, with nothing.</summary>
public sealed class SemanticSearchWithoutModelTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Every_search_is_empty_and_not_ready()
    {
        await using var services = EmbeddingServices.Create(database);
        var search = services.GetRequiredService<SemanticSearch>();
        var ct = TestContext.Current.CancellationToken;

        Assert.False(await search.IsReadyAsync(ct));
        Assert.Empty(await search.SearchAsync("speech synthesis", SearchFilter.None, 10, ct));
        Assert.Empty(await search.SimilarToPaperAsync("2301.00001", 10, ct));
        Assert.Empty(await search.NearestToExamplesAsync(["2301.00001"], [], 10, ct));
    }
}
