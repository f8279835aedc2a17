using PaperFeed.Embeddings.Corpus;

namespace PaperFeed.Core.Tests.Embeddings;

public sealed class SifWeightingTests
{
    [Fact]
    public void Weight_is_a_over_a_plus_probability()
    {
        Assert.Equal(0.5f, SifWeighting.Weight(1e-3f, 1e-3f), 6);
        Assert.Equal(1e-3f / (1e-3f + 0.05f), SifWeighting.Weight(1e-3f, 0.05f), 6);
        Assert.Equal(1f, SifWeighting.Weight(1e-3f, 0f), 6);
    }

    [Fact]
    public void Frequent_words_weigh_less_than_rare_ones()
    {
        Assert.True(SifWeighting.Weight(SifWeighting.DefaultA, 0.05f) < SifWeighting.Weight(SifWeighting.DefaultA, 1e-5f));
    }

    [Fact]
    public void A_text_vector_is_the_weighted_average_of_its_known_words()
    {
        var model = CorpusModelTestData.Create(component: [0, 0, 0, 0]);
        var average = new float[4];

        Assert.True(model.WeightedAverage("The graph, the unknownword, speech", average));

        // Four known tokens (the, graph, the, speech); the unknown word counts for nothing.
        var the = SifWeighting.Weight(CorpusModelTestData.A, 0.05f);
        Assert.Equal(2 * the / 4, average[0], 5);
        Assert.Equal(SifWeighting.Weight(CorpusModelTestData.A, 1e-4f) / 4, average[1], 5);
        Assert.Equal(0f, average[2]);
        Assert.Equal(SifWeighting.Weight(CorpusModelTestData.A, 1e-3f) / 4, average[3], 5);
    }

    [Fact]
    public void Text_without_a_known_word_has_no_vector()
    {
        var model = CorpusModelTestData.Create();
        var vector = new float[4];

        Assert.False(model.Embed("entirely unknown vocabulary", vector));
        Assert.All(vector, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Embeddings_are_unit_length()
    {
        var model = CorpusModelTestData.Create();
        var vector = new float[4];

        Assert.True(model.Embed("graph neural speech", vector));

        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => v * v)), 5);
    }
}
