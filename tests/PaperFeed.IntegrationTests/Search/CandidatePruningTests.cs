using Npgsql;
using PaperFeed.Core.Search;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Lexical;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>
/// The candidate pruning (<see cref="RankedSearch"/>) returns exactly the top k that scoring every OR-match gives,
/// on a corpus built to tempt it: the only rare query word sits in weak papers, and the best papers hold nothing
/// but common words.
/// </summary>
public sealed class CandidatePruningTests(CandidatePruningTests.TemptingCorpus corpus) : IClassFixture<CandidatePruningTests.TemptingCorpus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("zebra alpha beta gamma delta epsilon", 3)]
    [InlineData("zebra alpha beta gamma delta epsilon", 10)]
    [InlineData("alpha beta gamma delta", 3)] // every word common: the search starts from papers holding several
    [InlineData("alpha beta gamma delta epsilon", 25)]
    [InlineData("zebra", 10)]
    public async Task Pruned_top_k_equals_scoring_every_match(string query, int k)
    {
        await using var connection = await corpus.Database.DataSource.OpenConnectionAsync(Ct);
        var weighted = await LoadAsync(connection, query);

        var result = await new RankedSearch(connection, new CandidateBudget(FirstStep: 4, Total: 100_000, FilterFirst: 4))
            .TopAsync(weighted, CandidateRestriction.None, k, Ct);

        Assert.True(result.Exact);
        var expected = await EveryMatchAsync(connection, weighted, k);
        Assert.Equal(expected.Select(h => h.PaperId), result.Hits.Select(h => h.PaperId));
        Assert.Equal(expected.Select(h => h.Score), result.Hits.Select(h => h.Score));
    }

    [Fact]
    public async Task The_rare_words_papers_alone_do_not_end_the_search_when_common_words_can_still_win()
    {
        await using var connection = await corpus.Database.DataSource.OpenConnectionAsync(Ct);
        var weighted = await LoadAsync(connection, "zebra alpha beta gamma delta epsilon");

        var result = await new RankedSearch(connection, new CandidateBudget(FirstStep: 4, Total: 100_000, FilterFirst: 4))
            .TopAsync(weighted, CandidateRestriction.None, 3, Ct);

        Assert.True(result.Exact);
        Assert.All(result.Hits, hit => Assert.StartsWith("2502.0000", hit.PaperId, StringComparison.Ordinal)); // the three winners
    }

    [Fact]
    public async Task Common_words_papers_are_not_read_when_the_bound_proves_the_top_k_early()
    {
        await using var connection = await corpus.Database.DataSource.OpenConnectionAsync(Ct);
        var weighted = await LoadAsync(connection, "quagga zebra alpha");

        var result = await new RankedSearch(connection, new CandidateBudget(FirstStep: 10, Total: 100_000, FilterFirst: 4))
            .TopAsync(weighted, CandidateRestriction.None, 1, Ct);

        Assert.True(result.Exact);
        var alpha = weighted.Terms.Single(t => t.Id == SearchTermId.For("alpha"));
        Assert.True(result.ScoredRows < alpha.DocumentFrequency, $"{result.ScoredRows} rows read: alpha's {alpha.DocumentFrequency} papers should not be");
        Assert.Equal("2501.90001", result.Hits.Single().PaperId);
    }

    [Fact]
    public async Task Winning_combinations_prove_the_top_k_when_the_budget_stops_the_rarest_first_steps()
    {
        await using var connection = await corpus.Database.DataSource.OpenConnectionAsync(Ct);
        var weighted = await LoadAsync(connection, "zebra alpha beta gamma delta epsilon");
        var everyMatch = weighted.Terms.Sum(t => t.DocumentFrequency);

        var result = await new RankedSearch(connection, new CandidateBudget(FirstStep: 4, Total: 150, FilterFirst: 4))
            .TopAsync(weighted, CandidateRestriction.None, 3, Ct);

        Assert.True(result.Exact);
        Assert.True(result.ScoredRows <= 150 && result.ScoredRows < everyMatch);
        Assert.Equal((await EveryMatchAsync(connection, weighted, 3)).Select(h => h.PaperId), result.Hits.Select(h => h.PaperId));
    }

    [Fact]
    public void Winning_combinations_are_the_minimal_sets_whose_idfs_pass_the_bar()
    {
        WeightedTerm[] terms = [new(1, 10, 5.0), new(2, 20, 3.0), new(3, 30, 2.0), new(4, 40, 1.0)];

        var sets = RankedSearch.WinningCombinations(terms, bar: 5.5, max: 10);

        Assert.Equal([[1, 2], [1, 3], [1, 4], [2, 3, 4]], sets!.Select(s => s.ToList()));
        Assert.Null(RankedSearch.WinningCombinations(terms, bar: 5.5, max: 3));
        Assert.Null(RankedSearch.WinningCombinations(terms, bar: 11, max: 10)); // no paper can pass it
    }

    [Fact]
    public async Task A_budget_too_small_for_a_proof_still_returns_the_best_found_and_says_so()
    {
        await using var connection = await corpus.Database.DataSource.OpenConnectionAsync(Ct);
        var weighted = await LoadAsync(connection, "alpha beta gamma delta epsilon");

        var result = await new RankedSearch(connection, new CandidateBudget(FirstStep: 4, Total: 10, FilterFirst: 4))
            .TopAsync(weighted, CandidateRestriction.None, 3, Ct);

        Assert.False(result.Exact);
        Assert.Equal(3, result.Hits.Count);
    }

    [Fact]
    public async Task A_selective_filter_gets_its_own_best_matches()
    {
        await using var connection = await corpus.Database.DataSource.OpenConnectionAsync(Ct);
        var weighted = await LoadAsync(connection, "zebra alpha beta gamma delta epsilon");
        var budget = new CandidateBudget(FirstStep: 4, Total: 100_000, FilterFirst: 4);

        var inCategory = await new RankedSearch(connection, budget)
            .TopAsync(weighted, new CandidateRestriction(new SearchFilter(Category: "q-bio.PE")), 3, Ct);
        // Two papers in those days exceed FilterFirst = 1: found term by term, through the papers they join.
        var inDays = await new RankedSearch(connection, budget with { FilterFirst = 1 })
            .TopAsync(weighted, new CandidateRestriction(new SearchFilter(From: new(2024, 3, 1), To: new(2024, 3, 2))), 3, Ct);

        Assert.Equal(["2503.00002", "2503.00001"], inCategory.Hits.Select(h => h.PaperId));
        Assert.True(inCategory.Exact);
        Assert.Equal(["2503.00002", "2503.00001"], inDays.Hits.Select(h => h.PaperId));
        Assert.True(inDays.Exact);
    }

    private static async Task<WeightedQuery> LoadAsync(NpgsqlConnection connection, string query) =>
        await WeightedQuery.LoadAsync(connection, SearchQuery.Parse(query).Terms.Select(t => t.Id).ToArray(), 64, Ct);

    // The reference: every paper holding any query term scored, no pruning.
    private static async Task<List<SearchHit>> EveryMatchAsync(NpgsqlConnection connection, WeightedQuery query, int k)
    {
        await using var command = new NpgsqlCommand(
            "SELECT paper_id, -(weights <#> $1) FROM paper_search WHERE terms && $2 ORDER BY weights <#> $1, paper_id LIMIT $3", connection)
        {
            Parameters = { new() { Value = query.Vector }, new() { Value = query.Terms.Select(t => t.Id).ToArray() }, new() { Value = k } },
        };
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetDouble(1)));
        }

        return hits;
    }

    /// <summary>
    /// Four weak papers hold the rare "zebra" once in a long abstract; 150 papers hold two or three of the common
    /// words alpha…epsilon; three short papers hold all five common words (the real top three); two papers in a
    /// category and a date range of their own are middling; 300 papers hold none of the query's words.
    /// </summary>
    public sealed class TemptingCorpus : IAsyncLifetime
    {
        public TestDatabase Database { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await Database.InitializeAsync();
            var filler = string.Join(' ', GeneratedPapers.Create(1, seed: 99)[0].Abstract.Split(' ').Take(60));
            var common = new[] { "alpha", "beta", "gamma", "delta", "epsilon" };
            var random = new Random(3);
            var papers = GeneratedPapers.Create(300, seed: 1, firstNumber: 1_000);
            for (var i = 1; i <= 4; i++)
            {
                papers.Add(new TestPaper($"2501.9000{i}", $"Field notes {i}", $"{filler} zebra {(i == 1 ? "quagga" : "")}."));
            }

            for (var i = 1; i <= 150; i++)
            {
                var words = common.OrderBy(_ => random.Next()).Take(random.Next(2, 4));
                papers.Add(new TestPaper(GeneratedPapers.Id(i), $"Study {string.Join(' ', words)}", $"{string.Join(' ', words)} {filler}."));
            }

            for (var i = 1; i <= 3; i++)
            {
                papers.Add(new TestPaper($"2502.0000{i}", "Alpha beta gamma delta epsilon", $"Alpha beta gamma delta epsilon{new string('!', i)} alpha beta."));
            }

            papers.Add(new TestPaper("2503.00001", "Middling alpha", $"{filler} alpha.", Categories: "q-bio.PE", Published: new DateOnly(2024, 3, 1)));
            papers.Add(new TestPaper("2503.00002", "Middling alpha beta", $"{filler} alpha beta.", Categories: "q-bio.PE", Published: new DateOnly(2024, 3, 2)));
            await SearchCorpus.IngestAsync(Database, papers, TestContext.Current.CancellationToken);
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
