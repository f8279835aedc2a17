using PaperFeed.SearchEvaluation.Corpus;
using PaperFeed.SearchEvaluation.Reference;

namespace PaperFeed.IntegrationTests.SearchEvaluation;

/// <summary>The reference methods the evaluation compares PaperFeed with, checked against figures worked out independently.</summary>
public sealed class ReferenceRankingTests
{
    // Title + abstract, lower-cased \w+ tokens: d0 = cat cat dog (3), d1 = dog bird dog dog (4), d2 = fish fish bird (3).
    private static readonly CorpusPaper[] Animals =
    [
        new("d0", "Cat", "cat, dog.", []),
        new("d1", "Dog", "Bird dog dog", []),
        new("d2", "Fish", "fish bird", []),
    ];

    [Fact]
    public void Bm25_scores_match_a_hand_computation_on_three_documents()
    {
        var index = Bm25Index.Build(Animals);

        // N = 3, avglen = 10/3. idf(cat, df 1) = ln(1 + 2.5/1.5) = 0.980829; idf(dog, df 2) = ln(1 + 1.5/2.5) = 0.470004;
        // idf(bird, df 2) = 0.470004. Length norm: d0 and d2 0.25 + 0.75 * 3/(10/3) = 0.925, d1 0.25 + 0.75 * 4/(10/3) = 1.15.
        // d0: cat tf~ = 2/0.925 = 2.162162 -> 0.980829 * 2.162162/3.362162 = 0.630758; dog tf~ = 1.081081 -> 0.222751.
        // d1: dog tf~ = 3/1.15 = 2.608696 -> 0.470004 * 2.608696/3.808696 = 0.321920.
        var catDog = index.Scores(WordTokenizer.Tokens("Cat dog"));
        Assert.Equal([0.853509, 0.321920, 0], catDog.Select(s => Math.Round(s, 6)));

        // A repeated query word counts twice: d1 = 2 * 0.321920 + bird (tf~ 1/1.15 = 0.869565 -> 0.197480) = 0.841321;
        // d0 = 2 * 0.222751; d2 = bird only, tf~ 1.081081 -> 0.222751.
        var dogDogBird = index.Scores(WordTokenizer.Tokens("dog dog bird"));
        Assert.Equal([0.445501, 0.841321, 0.222751], dogDogBird.Select(s => Math.Round(s, 6)));
    }

    [Fact]
    public void Bm25_search_ranks_by_score_and_leaves_out_papers_without_a_query_word()
    {
        var index = Bm25Index.Build(Animals);

        Assert.Equal(["d0", "d1"], index.Search("cat or dog", 10));
        Assert.Equal(["d1"], index.Search("cat or dog", 10, excluded: new HashSet<int> { 0 }));
        Assert.Equal(["d1", "d0", "d2"], index.Search("dog dog bird", 10));
        Assert.Empty(index.Search("zebra", 10));
    }

    // Three abstracts whose TF-IDF scikit-learn 1.2.1 computed as the test expects: TfidfVectorizer(strip_accents=
    // 'unicode', stop_words='english', token_pattern=r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b', ngram_range=(1, 2),
    // sublinear_tf=True), i.e. arxiv-sanity-lite's settings without its vocabulary limits.
    private static readonly CorpusPaper[] Abstracts =
    [
        new("m0", "Graph neural networks for molecules.", "Graph networks predict molecule properties.", []),
        new("m1", "Neural machine translation with attention.", "Attention helps translation.", []),
        new("m2", "Molecule generation with diffusion models and graph networks.", "", []),
    ];

    private static readonly TfIdfSettings NoLimits = new(int.MaxValue, 1, 1.0);

    [Fact]
    public void TfIdf_weights_and_cosines_match_scikit_learn()
    {
        var index = TfIdfIndex.Build(Abstracts, NoLimits);

        Assert.Equal(32, index.Vectorizer.FeatureCount);
        Assert.Equal(1.2876820724517808, index.Vectorizer.IdfOf("graph")!.Value, 12);
        Assert.Equal(1.2876820724517808, index.Vectorizer.IdfOf("graph networks")!.Value, 12);
        Assert.Equal(1.6931471805599454, index.Vectorizer.IdfOf("attention")!.Value, 12);
        // "for" is a stopword, dropped before the pairs are formed: "networks molecules" is a feature.
        Assert.Null(index.Vectorizer.IdfOf("for"));
        var m0 = index.VectorOf(0);
        Assert.Equal(15, m0.Indices.Length);
        Assert.Equal(0.33190935958685996, m0.Weights[Feature(index, m0, "graph")], 12);
        Assert.Equal(0.1960310145495404, m0.Weights[Feature(index, m0, "graph networks")], 12);
        Assert.Equal(0.2577572264828505, m0.Weights[Feature(index, m0, "networks molecules")], 12);

        var cosines = index.Cosines(index.Vectorizer.Transform("graph networks for molecule design"));
        Assert.Equal([0.52794037, 0, 0.49840822], cosines.Select(c => Math.Round(c, 8)));
        Assert.Equal(["m0", "m2"], index.Search("graph networks for molecule design", 10));
    }

    [Fact]
    public void TfIdf_vocabulary_keeps_the_most_frequent_features_within_the_document_frequency_bounds()
    {
        // min_df 2 admits graph, networks (3 occurrences each), and graph networks, molecule, neural (2 each);
        // max_features 3 keeps the two most frequent and, of the tied three, the alphabetically first (as
        // scikit-learn happened to choose too).
        var index = TfIdfIndex.Build(Abstracts, new TfIdfSettings(3, 2, 1.0));

        Assert.Equal(3, index.Vectorizer.FeatureCount);
        Assert.NotNull(index.Vectorizer.IdfOf("graph"));
        Assert.NotNull(index.Vectorizer.IdfOf("networks"));
        Assert.NotNull(index.Vectorizer.IdfOf("graph networks"));

        // max_df 0.5 drops every feature of two documents out of three.
        var strict = TfIdfIndex.Build(Abstracts, new TfIdfSettings(int.MaxValue, 1, 0.5));
        Assert.Null(strict.Vectorizer.IdfOf("graph"));
        Assert.Equal(27, strict.Vectorizer.FeatureCount);
    }

    [Fact]
    public void Top_scores_are_best_first_with_ties_to_the_earlier_paper()
    {
        double[] scores = [0.5, 2, 0, 2, 1, -1, 0.5];

        Assert.Equal([1, 3, 4], TopScores.Select(scores, 3));
        Assert.Equal([1, 3, 4, 0, 6], TopScores.Select(scores, 10));
        Assert.Equal([3, 4, 0], TopScores.Select(scores, 3, excluded: new HashSet<int> { 1 }));
    }

    private static int Feature(TfIdfIndex index, SparseVector vector, string feature) =>
        Array.IndexOf(vector.Indices, index.Vectorizer.IndexOf(feature)!.Value);
}
