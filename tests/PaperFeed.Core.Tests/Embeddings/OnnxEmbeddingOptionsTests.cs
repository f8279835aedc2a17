using System.ComponentModel.DataAnnotations;
using PaperFeed.Embeddings.Onnx;

namespace PaperFeed.Core.Tests.Embeddings;

public class OnnxEmbeddingOptionsTests
{
    [Fact]
    public void A_model_path_is_all_that_is_required()
    {
        Assert.Empty(Problems(new OnnxEmbeddingOptions { ModelPath = "/models/all-MiniLM-L6-v2" }));
    }

    [Theory]
    [InlineData("", 16, null, "ModelPath")]
    [InlineData("/m", 0, null, "BatchSize")]
    [InlineData("/m", 16, 2, "MaxSequenceLength")]
    public void Unusable_settings_are_named(string path, int batchSize, int? maxSequenceLength, string setting)
    {
        var options = new OnnxEmbeddingOptions { ModelPath = path, BatchSize = batchSize, MaxSequenceLength = maxSequenceLength };

        Assert.Contains(Problems(options), p => p.Contains($"Embeddings:Onnx:{setting}", StringComparison.Ordinal));
    }

    [Fact]
    public void Generator_refuses_invalid_options_before_touching_the_disk()
    {
        var error = Assert.Throws<ArgumentException>(() => new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions { ModelPath = " " }));

        Assert.Contains("Embeddings:Onnx:ModelPath", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Problems(OnnxEmbeddingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
