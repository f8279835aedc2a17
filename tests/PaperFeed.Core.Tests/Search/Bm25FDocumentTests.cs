using PaperFeed.Core.Search;

namespace PaperFeed.Core.Tests.Search;

public sealed class Bm25FDocumentTests
{
    private static readonly Bm25Options Defaults = new();

    [Fact]
    public void Lengths_count_analysed_terms_per_field()
    {
        var document = Bm25FDocument.Analyze("Attention is all you need", "The dominant sequence transduction models are based on recurrent networks.");

        Assert.Equal(2, document.TitleLength); // attent, need
        Assert.Equal(7, document.AbstractLength); // domin sequenc transduct model base recurr network
        Assert.Equal((1, 0), document.FrequencyOf(SearchTermId.For("attent")));
        Assert.Equal((0, 1), document.FrequencyOf(SearchTermId.For("network")));
    }

    [Fact]
    public void Weights_follow_the_BM25F_formula()
    {
        var document = Bm25FDocument.Analyze("graph networks", "graph graph models of networks");
        var options = new Bm25Options { K1 = 1.2, B = 0.75, TitleWeight = 2, AbstractWeight = 1 };

        var weights = document.Weigh(options, averageTitleLength: 4, averageAbstractLength: 8);

        // title length 2 of average 4, abstract length 4 (graph graph model network) of average 8
        var titleNorm = 1 - 0.75 + (0.75 * 2 / 4);
        var abstractNorm = 1 - 0.75 + (0.75 * 4 / 8);
        double Expected(int inTitle, int inAbstract)
        {
            var tf = (2.0 * inTitle / titleNorm) + (1.0 * inAbstract / abstractNorm);
            return tf / (1.2 + tf);
        }

        var byTerm = weights.Ids.Zip(weights.Weights).ToDictionary(p => p.First, p => (double)p.Second);
        Assert.Equal(Expected(1, 2), byTerm[SearchTermId.For("graph")], 6);
        Assert.Equal(Expected(1, 1), byTerm[SearchTermId.For("network")], 6);
        Assert.Equal(Expected(0, 1), byTerm[SearchTermId.For("model")], 6);
        Assert.Equal(3, weights.Ids.Length);
    }

    [Fact]
    public void Ids_are_ascending_and_weights_between_zero_and_one()
    {
        var weights = Bm25FDocument.Analyze("A title about transformers", string.Join(' ', Enumerable.Repeat("transformers attention heads", 50)))
            .Weigh(Defaults, 9, 130);

        Assert.Equal(weights.Ids.Order(), weights.Ids);
        Assert.All(weights.Weights, w => Assert.InRange(w, 0.0001f, 0.99999f));
    }

    [Fact]
    public void Without_averages_a_field_counts_as_average_length()
    {
        var document = Bm25FDocument.Analyze("graph", "");

        var weights = document.Weigh(Defaults, 0, 0);

        Assert.Equal(1 / (0.9 + 1), weights.Weights.Single(), 6);
    }

    [Fact]
    public void A_paper_keeps_at_most_the_sparse_vector_limit_of_terms_the_heaviest_ones()
    {
        // CJK ideographs are one term each: 17,000 distinct terms in 17,000 characters.
        var ideographs = new string(Enumerable.Range(0x4E00, 17_000).Select(c => (char)c).ToArray());
        var document = Bm25FDocument.Analyze("heavy title words", ideographs + " heavy heavy heavy");

        var weights = document.Weigh(Defaults, 3, 17_000);

        Assert.Equal(17_003, document.TermCount);
        Assert.Equal(Bm25FDocument.MaxTerms, weights.Ids.Length);
        Assert.Contains(SearchTermId.For("heavi"), weights.Ids);
        Assert.Contains(SearchTermId.For("titl"), weights.Ids);
    }

    [Fact]
    public void An_empty_paper_has_no_terms()
    {
        var document = Bm25FDocument.Analyze("", null);

        Assert.Equal((0, 0, 0), (document.TitleLength, document.AbstractLength, document.Weigh(Defaults, 9, 130).Ids.Length));
    }
}
