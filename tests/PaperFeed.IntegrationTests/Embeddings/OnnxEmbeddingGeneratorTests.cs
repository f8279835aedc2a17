using Microsoft.Extensions.AI;
using PaperFeed.Embeddings.Onnx;

namespace PaperFeed.IntegrationTests.Embeddings;

/// <summary>
/// The ONNX provider end to end on a real (tiny) model built by python3-onnx: WordPiece tokens, ONNX Runtime, padding,
/// pooling and normalisation, checked against vectors numpy computed one text at a time without ONNX.
/// </summary>
public sealed class OnnxEmbeddingGeneratorTests(TinySentenceModel model) : IClassFixture<TinySentenceModel>
{
    private const float Tolerance = 1e-5f;
    private const string LongText = "Neural networks embed graphs, papers.";

    [Fact]
    public async Task Vectors_match_the_model_computed_independently()
    {
        using var generator = Open();

        var embeddings = await generator.GenerateAsync(model.Cases.Select(c => c.Text), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(model.Cases.Count, embeddings.Count);
        foreach (var (expected, actual) in model.Cases.Zip(embeddings))
        {
            AssertClose(expected.Mean, actual, expected.Text);
            Assert.Equal("model", actual.ModelId);
        }
    }

    [Fact]
    public async Task Padding_does_not_leak_into_the_mean()
    {
        using var generator = Open(new OnnxEmbeddingOptions { ModelPath = model.ModelFolder, Normalize = false });
        var shortText = model.Text("a dog");

        // Padded to the long text's 10 tokens in the second call: 6 [PAD] states that must not count.
        var alone = await generator.GenerateAsync([shortText.Text], cancellationToken: TestContext.Current.CancellationToken);
        var padded = await generator.GenerateAsync([shortText.Text, LongText], cancellationToken: TestContext.Current.CancellationToken);

        AssertClose(shortText.MeanUnnormalized, alone[0], "alone");
        AssertClose(shortText.MeanUnnormalized, padded[0], "padded");
        AssertClose(model.Text(LongText).MeanUnnormalized, padded[1], LongText);
    }

    [Fact]
    public async Task Batching_gives_the_same_vectors_as_one_text_at_a_time()
    {
        using var batched = Open(new OnnxEmbeddingOptions { ModelPath = model.ModelFolder, BatchSize = 3 });
        var texts = model.Cases.Select(c => c.Text).ToList();

        var together = await batched.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);
        var oneByOne = new List<Embedding<float>>();
        foreach (var text in texts)
        {
            oneByOne.Add((await batched.GenerateAsync([text], cancellationToken: TestContext.Current.CancellationToken))[0]);
        }

        Assert.Equal(texts.Count, together.Count);
        foreach (var (single, inBatch) in oneByOne.Zip(together))
        {
            AssertClose(single.Vector.ToArray(), inBatch, "batch of 3");
        }
    }

    [Fact]
    public async Task Cls_pooling_comes_from_the_pooling_config()
    {
        var folder = model.CopyModel(copy => File.WriteAllText(
            Path.Combine(copy, "1_Pooling", "config.json"),
            """{"word_embedding_dimension": 8, "pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}"""));
        using var generator = Open(new OnnxEmbeddingOptions { ModelPath = folder });

        var embeddings = await generator.GenerateAsync(model.Cases.Select(c => c.Text), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(PoolingMode.Cls, generator.Pooling);
        foreach (var (expected, actual) in model.Cases.Zip(embeddings))
        {
            AssertClose(expected.Cls, actual, expected.Text);
        }

        // Mean and cls differ on this model, so the check above could not pass by mean pooling.
        Assert.NotEqual(model.Cases[0].Mean[0], embeddings[0].Vector.Span[0], 3);
    }

    [Fact]
    public async Task Pooling_option_overrides_the_pooling_config()
    {
        using var generator = Open(new OnnxEmbeddingOptions { ModelPath = model.ModelFolder, Pooling = PoolingMode.Max });

        var embeddings = await generator.GenerateAsync(model.Cases.Select(c => c.Text), cancellationToken: TestContext.Current.CancellationToken);

        foreach (var (expected, actual) in model.Cases.Zip(embeddings))
        {
            AssertClose(expected.Max, actual, expected.Text);
        }
    }

    [Fact]
    public void Dimensions_and_limits_come_from_the_model_folder()
    {
        using var generator = Open();

        Assert.Equal(8, generator.Dimensions);
        Assert.Equal(8, generator.Metadata.DefaultModelDimensions);
        Assert.Equal("model", generator.Metadata.DefaultModelId);
        Assert.Equal(10, generator.MaxSequenceLength); // sentence_bert_config.json's max_seq_length
        Assert.Equal(PoolingMode.Mean, generator.Pooling);
        Assert.Same(generator.Metadata, generator.GetService(typeof(EmbeddingGeneratorMetadata)));
    }

    [Fact]
    public async Task Tokenizer_json_serves_when_there_is_no_vocab_txt()
    {
        var folder = model.CopyModel(copy => File.Delete(Path.Combine(copy, "vocab.txt")));
        using var generator = Open(new OnnxEmbeddingOptions { ModelPath = folder, ModelId = "tiny-from-tokenizer-json" });

        var embeddings = await generator.GenerateAsync(model.Cases.Select(c => c.Text), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("tiny-from-tokenizer-json", generator.ModelId);
        foreach (var (expected, actual) in model.Cases.Zip(embeddings))
        {
            AssertClose(expected.Mean, actual, expected.Text);
        }
    }

    [Fact]
    public async Task Model_under_onnx_subfolder_is_found()
    {
        var folder = model.CopyModel(copy =>
        {
            Directory.CreateDirectory(Path.Combine(copy, "onnx"));
            File.Move(Path.Combine(copy, "model.onnx"), Path.Combine(copy, "onnx", "model.onnx"));
        });
        using var generator = Open(new OnnxEmbeddingOptions { ModelPath = folder });

        var embeddings = await generator.GenerateAsync(["a dog"], cancellationToken: TestContext.Current.CancellationToken);

        AssertClose(model.Text("a dog").Mean, embeddings[0], "a dog");
    }

    [Fact]
    public void Missing_folder_is_named()
    {
        Skip();
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}");

        var error = Assert.Throws<DirectoryNotFoundException>(() => new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions { ModelPath = missing }));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_model_file_is_named()
    {
        var folder = model.CopyModel(copy => File.Delete(Path.Combine(copy, "model.onnx")));

        var error = Assert.Throws<FileNotFoundException>(() => Open(new OnnxEmbeddingOptions { ModelPath = folder }));

        Assert.Contains(Path.Combine(folder, "model.onnx"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_tokenizer_is_named()
    {
        var folder = model.CopyModel(copy =>
        {
            File.Delete(Path.Combine(copy, "vocab.txt"));
            File.Delete(Path.Combine(copy, "tokenizer.json"));
        });

        var error = Assert.Throws<FileNotFoundException>(() => Open(new OnnxEmbeddingOptions { ModelPath = folder }));

        Assert.Contains("vocab.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_model_file_is_named()
    {
        var folder = model.CopyModel(copy => File.WriteAllText(Path.Combine(copy, "model.onnx"), "not a protobuf"));

        var error = Assert.Throws<InvalidDataException>(() => Open(new OnnxEmbeddingOptions { ModelPath = folder }));

        Assert.Contains(Path.Combine(folder, "model.onnx"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_that_is_no_text_encoder_is_refused()
    {
        var folder = model.CopyModel(copy => File.Copy(Path.Combine(model.UnusableModelFolder, "model.onnx"), Path.Combine(copy, "model.onnx"), overwrite: true));

        var error = Assert.Throws<InvalidDataException>(() => Open(new OnnxEmbeddingOptions { ModelPath = folder }));

        Assert.Contains("pixel_values", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder, "model.onnx"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_request_stops()
    {
        using var generator = Open();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            generator.GenerateAsync(["a dog"], cancellationToken: new CancellationToken(canceled: true)));
    }

    private OnnxEmbeddingGenerator Open(OnnxEmbeddingOptions? options = null)
    {
        Skip();
        return new OnnxEmbeddingGenerator(options ?? new OnnxEmbeddingOptions { ModelPath = model.ModelFolder });
    }

    private void Skip() => Assert.SkipWhen(model.SkipReason is not null, model.SkipReason ?? "");

    private static void AssertClose(float[] expected, Embedding<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Dimensions);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual.Vector.Span[i]) <= Tolerance,
                $"{what}: component {i} is {actual.Vector.Span[i]}, expected {expected[i]}");
        }
    }
}
