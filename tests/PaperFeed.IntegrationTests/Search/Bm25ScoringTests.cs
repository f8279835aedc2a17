using Microsoft.EntityFrameworkCore;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Lexical;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>The scores LexicalSearch returns are BM25F's, computed from scratch in C# over the same corpus.</summary>
public sealed class Bm25ScoringTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Theory]
    [InlineData("graph neural network for molecule property prediction")]
    [InlineData("privacy attack on federated learning")]
    [InlineData("efficient sparse attention transformer with quantization and pruning of heads")]
    [InlineData("protein")]
    public async Task Scores_from_SQL_equal_a_brute_force_BM25F(string query)
    {
        var ct = TestContext.Current.CancellationToken;
        await EnsureCorpusAsync(ct);
        await using var db = database.CreateDbContext();
        var papers = await db.Papers.Select(p => new { p.Id, p.Title, p.Abstract }).ToListAsync(ct);
        var expected = BruteForceBm25F.Scores(papers.Select(p => (p.Id, p.Title, p.Abstract)).ToList(), query);

        var hits = await new LexicalSearch(database.DataSource).SearchAsync(query, SearchFilter.None, 1_000, ct);

        Assert.Equal(expected.Count, hits.Count);
        Assert.All(hits, hit => Assert.Equal(expected[hit.PaperId], hit.Score, expected[hit.PaperId] * 1e-5));
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.PaperId), hits.Select(h => h.PaperId));
    }

    private async Task EnsureCorpusAsync(CancellationToken ct)
    {
        if (await database.ScalarAsync<long>("SELECT count(*) FROM papers") == 0)
        {
            var papers = GeneratedPapers.Create(400, seed: 5);
            papers.Add(new TestPaper("2502.00001", "Graph Neural Networks for Molecules", "We predict molecule properties with graph neural networks and message passing."));
            papers.Add(new TestPaper("2502.00002", "Protein Folding", "Protein structure prediction; proteins fold."));
            await SearchCorpus.IngestAsync(database, papers, ct);
        }
    }
}
