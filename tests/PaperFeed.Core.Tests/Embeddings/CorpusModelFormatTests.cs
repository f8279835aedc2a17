using PaperFeed.Embeddings.Corpus;

namespace PaperFeed.Core.Tests.Embeddings;

public sealed class CorpusModelFormatTests
{
    [Fact]
    public void A_model_round_trips_and_embeds_the_same_way()
    {
        var random = new Random(11);
        var words = Enumerable.Range(0, 300).Select(i => $"word{i}").Append("übersetzung").ToList();
        var vectors = Enumerable.Range(0, words.Count * 16).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var probabilities = Enumerable.Range(0, words.Count).Select(i => 1f / (i + 10)).ToArray();
        var component = new float[16];
        component[3] = 1;
        var model = new CorpusModel(words, vectors, probabilities, 16, 1e-3f, component);

        var copy = CorpusModelFormat.Deserialize(CorpusModelFormat.Serialize(model));

        Assert.Equal(model.Words, copy.Words);
        Assert.Equal(model.Probabilities, copy.Probabilities);
        Assert.Equal(model.PrincipalComponent, copy.PrincipalComponent);
        Assert.Equal(model.SifA, copy.SifA);
        // float16 storage: each value within half precision of the original.
        Assert.All(model.Vectors.Zip(copy.Vectors), pair => Assert.Equal(pair.First, pair.Second, 0.001f));
        var original = new float[16];
        var loaded = new float[16];
        model.Embed("word1 word7 übersetzung word250", original);
        copy.Embed("word1 word7 übersetzung word250", loaded);
        Assert.True(original.Zip(loaded, (a, b) => a * b).Sum() > 0.9999f);
    }

    [Fact]
    public void Vectors_take_two_bytes_each()
    {
        var model = CorpusModelTestData.Create();

        var bytes = CorpusModelFormat.Serialize(model);

        var words = model.Words.Sum(w => 1 + w.Length);
        Assert.Equal(8 + 4 * 4 + words + 4 * 4 + 16 * 2 + 4 * 4, bytes.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(30)]
    public void Truncated_bytes_are_rejected(int keep)
    {
        var bytes = CorpusModelFormat.Serialize(CorpusModelTestData.Create());

        Assert.Throws<InvalidDataException>(() => CorpusModelFormat.Deserialize(bytes.AsSpan(0, keep)));
        Assert.Throws<InvalidDataException>(() => CorpusModelFormat.Deserialize(bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void Other_bytes_are_rejected()
    {
        Assert.Throws<InvalidDataException>(() => CorpusModelFormat.Deserialize("PK\u0003\u0004 not a model at all"u8));
        var bytes = CorpusModelFormat.Serialize(CorpusModelTestData.Create());
        bytes[8] = 99; // version

        Assert.Throws<InvalidDataException>(() => CorpusModelFormat.Deserialize(bytes));
    }
}
