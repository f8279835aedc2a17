using PaperFeed.SearchEvaluation.Evaluation;

namespace PaperFeed.SearchEvaluation.Reference;

/// <summary>Plain BM25 search (<see cref="Bm25Index"/>).</summary>
internal sealed class Bm25Search(Bm25Index index) : ISearchMethod
{
    public string Name => "BM25 (reference)";

    public bool IsReference => true;

    public Task<IReadOnlyList<string>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(index.Search(query, limit));
}

/// <summary>TF-IDF cosine search as arxiv-sanity-lite would do it (<see cref="TfIdfIndex"/>).</summary>
internal sealed class TfIdfSearch(TfIdfIndex index) : ISearchMethod
{
    public string Name => "TF-IDF cosine (reference)";

    public bool IsReference => true;

    public Task<IReadOnlyList<string>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(index.Search(query, limit));
}

/// <summary>Similar papers by BM25, the paper's own title and abstract being the query; the paper itself is left out.</summary>
internal sealed class Bm25Similar(Bm25Index index) : ISimilarMethod
{
    private readonly Dictionary<string, int> _positions = Positions(index.Papers.Select(p => p.Id));

    public string Name => "BM25, title+abstract as query (reference)";

    public bool IsReference => true;

    public Task<IReadOnlyList<string>> SimilarAsync(string paperId, int limit, CancellationToken cancellationToken)
    {
        var position = _positions[paperId];
        var query = Bm25Index.TextOf(index.Papers[position]);
        return Task.FromResult(index.Search(query, limit, new HashSet<int> { position }));
    }

    internal static Dictionary<string, int> Positions(IEnumerable<string> ids) =>
        ids.Select((id, position) => (id, position)).ToDictionary(p => p.id, p => p.position, StringComparer.Ordinal);
}

/// <summary>Similar papers by the cosine of their TF-IDF vectors; the paper itself is left out.</summary>
internal sealed class TfIdfSimilar(TfIdfIndex index) : ISimilarMethod
{
    private readonly Dictionary<string, int> _positions = Bm25Similar.Positions(index.Papers.Select(p => p.Id));

    public string Name => "TF-IDF cosine (reference)";

    public bool IsReference => true;

    public Task<IReadOnlyList<string>> SimilarAsync(string paperId, int limit, CancellationToken cancellationToken)
    {
        var position = _positions[paperId];
        var scores = index.Cosines(index.VectorOf(position));
        IReadOnlyList<string> ids = [.. TopScores.Select(scores, limit, new HashSet<int> { position }).Select(i => index.Papers[i].Id)];
        return Task.FromResult(ids);
    }
}
