using Microsoft.Extensions.Options;
using PaperFeed.Core.Search;
using PaperFeed.Data.Search.Lexical;
using PaperFeed.Data.Search.Semantic;
using PaperFeed.Data.Search.Similar;

namespace PaperFeed.Data.Search;

public enum SearchMode
{
    Hybrid,
    Lexical,
    Semantic,
}

/// <summary>Weights and depths of the hybrid ranking, bound from <c>Search:Hybrid</c>; set on the team's query set (docs/search-quality.md).</summary>
public sealed class HybridSearchOptions
{
    public const string Section = "Search:Hybrid";

    public double LexicalWeight { get; set; } = 0.6;

    public double SemanticWeight { get; set; } = 0.4;

    /// <summary>How many candidates each ranking contributes to the fusion, at least.</summary>
    public int CandidateDepth { get; set; } = 100;

    /// <summary>How many of a paper's nearest papers by vector its similar papers are chosen from.</summary>
    public int SimilarCandidateDepth { get; set; } = 100;

    /// <summary>
    /// Similar papers lean on BM25 as search does: 0.7 / 0.3 gave precision@5 0.147 on the judgments at 37k papers,
    /// 0.5 and 0.6 gave 0.107, 0.8 0.133, BM25 alone 0.120 (docs/search-quality.md).
    /// </summary>
    public double SimilarLexicalWeight { get; set; } = 0.7;

    public double SimilarSemanticWeight { get; set; } = 0.3;
}

/// <summary>
/// The one entry point of search, similar papers and recommendations: runs the lexical (BM25F) and semantic
/// (embedding) rankings and fuses them (<see cref="ScoreFusion"/>). Papers a query names outright (arXiv id, exact
/// title, quoted phrase) come first in every mode.
/// </summary>
public sealed class PaperSearch(
    LexicalSearch lexical, SemanticSearch semantic, SimilarPaperLists similarLists, IOptions<HybridSearchOptions> options)
{
    private HybridSearchOptions Options => options.Value;

    /// <summary>The best <paramref name="depth"/> papers for the query, best first.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        string query, SearchMode mode, SearchFilter filter, int depth, CancellationToken cancellationToken)
    {
        if (mode == SearchMode.Lexical)
        {
            return await lexical.SearchAsync(query, filter, depth, cancellationToken);
        }

        // Semantic mode still puts a paper the query names outright first: someone who pastes an arXiv id wants it.
        var candidates = Math.Max(depth, Options.CandidateDepth);
        var lexicalTask = mode == SearchMode.Semantic
            ? lexical.PinnedAsync(query, filter, depth, cancellationToken)
            : lexical.SearchAsync(query, filter, candidates, cancellationToken);
        var semanticTask = semantic.SearchAsync(query, filter, candidates, cancellationToken);
        var (lexicalHits, semanticHits) = (await lexicalTask, await semanticTask);

        var pinned = lexicalHits.Where(h => h.Pinned).ToList();
        IReadOnlyList<SearchHit> ranked = mode == SearchMode.Semantic
            ? semanticHits
            : Fuse(lexicalHits.Where(h => !h.Pinned).ToList(), semanticHits, Options.LexicalWeight, Options.SemanticWeight);
        return PinnedFirst(pinned, ranked, depth);
    }

    /// <summary>
    /// Papers nearest in content to one paper: never the paper itself or a duplicate of it. With embeddings, the
    /// nearest <see cref="HybridSearchOptions.SimilarCandidateDepth"/> by vector are re-ranked by the fusion of
    /// their cosine with their BM25 score for the paper's whole text, and the list is stored for the next request
    /// (<see cref="SimilarPaperLists"/>); without (no model yet, or the paper has no vector), BM25 with the paper's
    /// most informative terms ranks the whole corpus.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SimilarAsync(string paperId, int limit, CancellationToken cancellationToken)
    {
        // A few more than asked for: callers drop copies by their own reading of titles too (PaperDuplicates).
        var depth = limit + 5;
        // The model is read before computing: a list computed while the model switches is stored under the old one,
        // and so never served as the new model's.
        var modelId = await similarLists.ActiveModelIdAsync(cancellationToken);
        if (modelId is { } model && await similarLists.ReadAsync(paperId, model, depth, cancellationToken) is { } stored)
        {
            return stored;
        }

        var computeDepth = Math.Max(depth, similarLists.StoredDepth);
        var (hits, fromVectors) = await ComputeSimilarAsync(paperId, computeDepth, cancellationToken);
        if (fromVectors && modelId is { } current)
        {
            await similarLists.StoreAsync(paperId, current, computeDepth, hits, cancellationToken);
        }

        return hits.Take(depth).ToList();
    }

    /// <summary>
    /// Computes the paper's list and stores it under <paramref name="modelId"/>: the worker's refresh, for papers with a
    /// vector. One whose vector finds no neighbours (a text of unknown words) keeps its BM25 list, so that it is not
    /// due again at once.
    /// </summary>
    public async Task RefreshSimilarAsync(string paperId, int modelId, CancellationToken cancellationToken)
    {
        var (hits, _) = await ComputeSimilarAsync(paperId, similarLists.StoredDepth, cancellationToken);
        await similarLists.StoreAsync(paperId, modelId, similarLists.StoredDepth, hits, cancellationToken);
    }

    private async Task<(IReadOnlyList<SearchHit> Hits, bool FromVectors)> ComputeSimilarAsync(
        string paperId, int depth, CancellationToken cancellationToken)
    {
        var semanticHits = await semantic.SimilarToPaperAsync(paperId, Math.Max(depth, Options.SimilarCandidateDepth), cancellationToken);
        if (semanticHits.Count == 0)
        {
            return (await lexical.SimilarToPaperAsync(paperId, depth, cancellationToken), false);
        }

        // Scoring only the vector's candidates is what makes the whole text affordable as the query; copies of the
        // paper are missing from the lexical list, so only the papers in it are kept.
        var lexicalHits = await lexical.ScoreAsSimilarAsync(paperId, semanticHits.Select(h => h.PaperId).ToList(), cancellationToken);
        var kept = lexicalHits.Select(h => h.PaperId).ToHashSet(StringComparer.Ordinal);
        var fused = Fuse(lexicalHits, semanticHits, Options.SimilarLexicalWeight, Options.SimilarSemanticWeight);
        return (fused.Where(h => kept.Contains(h.PaperId)).Take(depth).ToList(), true);
    }

    /// <summary>Papers like the positives and unlike the negatives; needs the semantic model.</summary>
    public Task<IReadOnlyList<SearchHit>> RecommendAsync(
        IReadOnlyList<string> positives, IReadOnlyList<string> negatives, int limit, CancellationToken cancellationToken) =>
        semantic.NearestToExamplesAsync(positives, negatives, limit, cancellationToken);

    public Task<bool> IsSemanticReadyAsync(CancellationToken cancellationToken) => semantic.IsReadyAsync(cancellationToken);

    private static List<SearchHit> Fuse(
        IReadOnlyList<SearchHit> lexicalHits, IReadOnlyList<SearchHit> semanticHits, double lexicalWeight, double semanticWeight)
    {
        var fused = ScoreFusion.Fuse(
            [ToCandidates(lexicalHits), ToCandidates(semanticHits)],
            [lexicalWeight, semanticWeight]);
        return fused.Select(c => new SearchHit(c.Id, c.Score)).ToList();
    }

    private static List<RankedCandidate> ToCandidates(IReadOnlyList<SearchHit> hits) =>
        hits.Select(h => new RankedCandidate(h.PaperId, h.Score)).ToList();

    private static List<SearchHit> PinnedFirst(List<SearchHit> pinned, IReadOnlyList<SearchHit> ranked, int depth)
    {
        var pinnedIds = pinned.Select(h => h.PaperId).ToHashSet(StringComparer.Ordinal);
        return pinned.Concat(ranked.Where(h => !pinnedIds.Contains(h.PaperId))).Take(depth).ToList();
    }
}
