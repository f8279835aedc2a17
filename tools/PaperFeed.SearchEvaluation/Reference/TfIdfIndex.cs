using PaperFeed.SearchEvaluation.Corpus;

namespace PaperFeed.SearchEvaluation.Reference;

/// <summary>
/// Every paper's TF-IDF vector (<see cref="TfIdfVectorizer"/>, fitted on these papers), searchable by cosine
/// similarity: the vectors have unit length, so cosine is their dot product, summed through an inverted index.
/// </summary>
internal sealed class TfIdfIndex
{
    private readonly TfIdfVectorizer _vectorizer;
    private readonly SparseVector[] _vectors;
    private readonly List<(int Document, double Weight)>[] _postings;

    private TfIdfIndex(IReadOnlyList<CorpusPaper> papers, TfIdfSettings settings)
    {
        Papers = papers;
        (_vectorizer, _vectors) = TfIdfVectorizer.FitTransform(papers.Select(TextOf), settings);
        _postings = [.. Enumerable.Range(0, _vectorizer.FeatureCount).Select(_ => new List<(int, double)>())];
        for (var document = 0; document < _vectors.Length; document++)
        {
            var vector = _vectors[document];
            for (var i = 0; i < vector.Indices.Length; i++)
            {
                _postings[vector.Indices[i]].Add((document, vector.Weights[i]));
            }
        }
    }

    public IReadOnlyList<CorpusPaper> Papers { get; }

    public TfIdfVectorizer Vectorizer => _vectorizer;

    public static TfIdfIndex Build(IReadOnlyList<CorpusPaper> papers, TfIdfSettings? settings = null) =>
        new(papers, settings ?? TfIdfSettings.ArxivSanityLite);

    /// <summary>What arxiv-sanity-lite vectorizes of a paper: title, abstract and author names.</summary>
    public static string TextOf(CorpusPaper paper) => string.Join(' ', [paper.Title, paper.Abstract, .. paper.Authors]);

    /// <summary>A paper's own vector, in catalog order.</summary>
    public SparseVector VectorOf(int document) => _vectors[document];

    /// <summary>The cosine similarity of every paper (catalog order) to a unit-length vector.</summary>
    public double[] Cosines(SparseVector query)
    {
        var scores = new double[Papers.Count];
        for (var i = 0; i < query.Indices.Length; i++)
        {
            var weight = query.Weights[i];
            foreach (var (document, documentWeight) in _postings[query.Indices[i]])
            {
                scores[document] += weight * documentWeight;
            }
        }

        return scores;
    }

    /// <summary>The ids of the <paramref name="limit"/> papers closest to a free-text query.</summary>
    public IReadOnlyList<string> Search(string query, int limit) =>
        [.. TopScores.Select(Cosines(_vectorizer.Transform(query)), limit).Select(i => Papers[i].Id)];
}
