using System.ComponentModel.DataAnnotations;
using PaperFeed.Embeddings.OpenAi;

namespace PaperFeed.Core.Tests.Embeddings;

public class OpenAiEmbeddingOptionsTests
{
    [Theory]
    [InlineData("http://localhost:11434", "http://localhost:11434/v1/embeddings")]
    [InlineData("http://localhost:11434/", "http://localhost:11434/v1/embeddings")]
    [InlineData("https://api.openai.com/v1", "https://api.openai.com/v1/embeddings")]
    [InlineData("https://api.openai.com/v1/", "https://api.openai.com/v1/embeddings")]
    [InlineData("http://gateway.local/tei/", "http://gateway.local/tei/v1/embeddings")]
    public void Endpoint_is_v1_embeddings_under_the_base_url(string baseUrl, string endpoint)
    {
        Assert.Equal(new Uri(endpoint), new OpenAiEmbeddingOptions { BaseUrl = baseUrl, Model = "m" }.EmbeddingsEndpoint);
    }

    [Fact]
    public void Defaults_with_a_url_and_a_model_are_valid()
    {
        Assert.Empty(Problems(new OpenAiEmbeddingOptions { BaseUrl = "http://localhost:8080", Model = "bge-small" }));
    }

    [Theory]
    [InlineData("localhost:11434", "m", "BaseUrl")]
    [InlineData("ftp://host", "m", "BaseUrl")]
    [InlineData("http://host", " ", "Model")]
    public void Url_and_model_are_required(string baseUrl, string model, string setting)
    {
        Assert.Contains(Problems(new OpenAiEmbeddingOptions { BaseUrl = baseUrl, Model = model }), p => p.Contains($"Embeddings:OpenAi:{setting}", StringComparison.Ordinal));
    }

    [Fact]
    public void Sending_dimensions_needs_dimensions()
    {
        Assert.Contains(Problems(new OpenAiEmbeddingOptions { BaseUrl = "http://h", Model = "m", SendDimensions = true }), p => p.Contains("SendDimensions", StringComparison.Ordinal));
    }

    [Fact]
    public void Total_timeout_cannot_be_shorter_than_one_attempt()
    {
        var options = new OpenAiEmbeddingOptions { BaseUrl = "http://h", Model = "m", AttemptTimeout = TimeSpan.FromMinutes(5), TotalTimeout = TimeSpan.FromMinutes(1) };

        Assert.Contains(Problems(options), p => p.Contains("TotalTimeout", StringComparison.Ordinal));
    }

    private static List<string> Problems(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
