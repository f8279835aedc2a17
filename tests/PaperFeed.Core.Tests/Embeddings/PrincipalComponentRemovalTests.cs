using PaperFeed.Embeddings.Corpus;

namespace PaperFeed.Core.Tests.Embeddings;

public sealed class PrincipalComponentRemovalTests
{
    [Fact]
    public void Finds_the_direction_the_vectors_share()
    {
        var removal = new PrincipalComponentRemoval(3);
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            // A large common part along (1, 1, 0)/√2, plus small noise.
            var noise = Enumerable.Range(0, 3).Select(_ => (float)(random.NextDouble() - 0.5) * 0.2f).ToArray();
            removal.Add([3 + noise[0], 3 + noise[1], noise[2]]);
        }

        var component = removal.FirstComponent();

        var alignment = Math.Abs(component[0] + component[1]) / Math.Sqrt(2);
        Assert.True(alignment > 0.999, $"alignment {alignment}");
        Assert.Equal(1.0, Math.Sqrt(component.Sum(v => v * v)), 5);
    }

    [Fact]
    public void Removal_leaves_a_vector_orthogonal_to_the_component()
    {
        float[] component = [0.6f, 0.8f, 0];
        float[] vector = [1, 2, 3];

        PrincipalComponentRemoval.Remove(vector, component);

        Assert.Equal(0, vector[0] * component[0] + vector[1] * component[1] + vector[2] * component[2], 5);
        // What was orthogonal to it is untouched.
        Assert.Equal(3f, vector[2], 5);
    }

    [Fact]
    public void Embedding_has_no_part_along_the_component()
    {
        float[] component = [0.6f, 0.8f, 0, 0];
        var model = CorpusModelTestData.Create(component);
        var vector = new float[4];

        Assert.True(model.Embed("the graph neural", vector));

        Assert.Equal(0, vector.Zip(component, (v, c) => v * c).Sum(), 5);
    }

    [Fact]
    public void No_vectors_give_no_component()
    {
        Assert.All(new PrincipalComponentRemoval(5).FirstComponent(), v => Assert.Equal(0f, v));
    }
}
