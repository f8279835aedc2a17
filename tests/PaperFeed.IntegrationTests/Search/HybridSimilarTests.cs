using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Data.Embeddings;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Lexical;
using PaperFeed.Data.Search.Semantic;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>Similar papers with a semantic model active: the nearest vectors, re-ranked with BM25 for the whole text.</summary>
public sealed class HybridSimilarTests(HybridSimilarTests.Corpus corpus) : IClassFixture<HybridSimilarTests.Corpus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PaperSearch Search => corpus.Services.GetRequiredService<PaperSearch>();

    [Fact]
    public async Task Similar_papers_come_from_the_nearest_vectors_and_never_include_the_paper_or_its_copy()
    {
        var candidates = (await corpus.Services.GetRequiredService<SemanticSearch>()
            .SimilarToPaperAsync(corpus.OriginalId, new HybridSearchOptions().SimilarCandidateDepth, Ct)).Select(h => h.PaperId).ToHashSet();

        var hits = await Search.SimilarAsync(corpus.OriginalId, 10, Ct);

        Assert.Equal(15, hits.Count); // the limit and the margin callers use to drop copies by their own rules
        Assert.DoesNotContain(hits, h => h.PaperId == corpus.OriginalId || h.PaperId == corpus.CopyId);
        Assert.Subset(candidates, hits.Select(h => h.PaperId).ToHashSet());
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.PaperId), hits.Select(h => h.PaperId));
    }

    [Fact]
    public async Task The_whole_text_scores_a_candidate_by_BM25_and_leaves_out_copies()
    {
        var lexical = corpus.Services.GetRequiredService<LexicalSearch>();
        var others = await corpus.Database.QueryAsync($"SELECT id, title FROM papers WHERE id NOT IN ('{corpus.OriginalId}', '{corpus.CopyId}') ORDER BY id LIMIT 20");
        string[] candidates = [corpus.CopyId, corpus.OriginalId, .. others.Select(o => o.First)];

        var scored = await lexical.ScoreAsSimilarAsync(corpus.OriginalId, candidates, Ct);

        Assert.Equal(others.Select(o => o.First).Order(StringComparer.Ordinal), scored.Select(h => h.PaperId).Order(StringComparer.Ordinal));
        Assert.Equal(scored.OrderByDescending(h => h.Score).Select(h => h.Score), scored.Select(h => h.Score));
        Assert.Contains(scored, h => h.Score > 0);
        Assert.Empty(await lexical.ScoreAsSimilarAsync("2999.99999", candidates, Ct));
    }

    [Fact]
    public async Task A_paper_without_a_vector_yet_gets_its_similar_papers_from_BM25()
    {
        var unembedded = await corpus.Database.ScalarAsync<string>(
            "SELECT p.id FROM papers p WHERE NOT EXISTS (SELECT 1 FROM paper_embeddings e WHERE e.paper_id = p.id)");

        var hits = await Search.SimilarAsync(unembedded, 5, Ct);

        Assert.NotEmpty(hits);
        Assert.DoesNotContain(hits, h => h.PaperId == unembedded);
    }

    /// <summary>
    /// The sample pages and a copy of one of their papers (its abstract alone, as an abstract line), embedded under a
    /// model fitted on them; then one paper more, ingested after the fit and so without a vector.
    /// </summary>
    public sealed class Corpus : IAsyncLifetime
    {
        public TestDatabase Database { get; } = new();

        public ServiceProvider Services { get; private set; } = null!;

        public string OriginalId { get; private set; } = "";

        public string CopyId { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            await Database.InitializeAsync();
            var ingester = Ingestion.CreateIngester(Database);
            foreach (var file in RepoPaths.SampleFiles)
            {
                await ingester.IngestFileAsync(file, null, CancellationToken.None);
            }

            (OriginalId, var abstractText) = (await Database.QueryAsync(
                "SELECT id, abstract FROM papers WHERE title LIKE 'PortaSpeech%'"))[0];
            await Ingestion.IngestTextAsync(ingester, $"Abstract: {abstractText}\n");
            CopyId = (await Database.QueryAsync("SELECT id, title FROM papers WHERE title_is_derived"))[0].First;

            Services = EmbeddingServices.Create(Database, s => s["Embeddings:Corpus:Fit:Epochs"] = "15");
            await Services.GetRequiredService<EmbeddingMaintenance>().ReembedAsync(null, CancellationToken.None);
            await Ingestion.IngestTextAsync(ingester, "Abstract: We study speech synthesis with a small flow-based vocoder and a variational prior for prosody.\n");
        }

        public async ValueTask DisposeAsync()
        {
            if (Services is not null)
            {
                await Services.DisposeAsync();
            }

            await Database.DisposeAsync();
        }
    }
}
