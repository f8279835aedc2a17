using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperFeed.Data.Embeddings;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Embeddings;

/// <summary>The provider settings as the host checks them at start-up (<c>ValidateOnStart</c>): each mistake names its setting.</summary>
public sealed class ProviderValidationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Theory]
    [InlineData("onnx", null, null, "Embeddings:Onnx:ModelPath must name the model's folder.")]
    [InlineData("onnx", "Onnx:ModelPath", "/nonexistent/all-MiniLM-L6-v2",
        "The ONNX embedding model folder /nonexistent/all-MiniLM-L6-v2 (Embeddings:Onnx:ModelPath) does not exist.")]
    [InlineData("openai", "OpenAi:Model", "nomic-embed-text", "Embeddings:OpenAi:BaseUrl must be an absolute http(s) URL, e.g. http://localhost:11434; it is ''.")]
    [InlineData("openai", "OpenAi:BaseUrl", "http://localhost:11434", "Embeddings:OpenAi:Model must name the embedding model, e.g. nomic-embed-text.")]
    [InlineData("sentence-bert", null, null, "Embeddings:Provider 'sentence-bert' is not a registered provider (corpus, onnx, openai).")]
    [InlineData("corpus", "Hnsw:BuildMemory", "2GB'; DROP TABLE papers; --", "Embeddings:Hnsw:BuildMemory must be a PostgreSQL memory size such as 512MB or 2GB.")]
    [InlineData("corpus", "Hnsw:BuildMemory", "lots", "Embeddings:Hnsw:BuildMemory must be a PostgreSQL memory size such as 512MB or 2GB.")]
    [InlineData("corpus", "Hnsw:M", "1", "The field M must be between 2 and 100.")]
    [InlineData("corpus", "Corpus:MaxPapers", "0", "The field MaxPapers must be between 1 and 2147483647.")]
    public async Task A_misconfigured_provider_fails_at_start_up_naming_the_setting(string provider, string? key, string? value, string message)
    {
        await using var services = EmbeddingServices.Create(database, s =>
        {
            s["Embeddings:Provider"] = provider;
            if (key is not null)
            {
                s[$"Embeddings:{key}"] = value;
            }
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_their_settings_only_corpus_is_registered_and_a_configured_section_loads_nothing_at_start_up()
    {
        await using var plain = EmbeddingServices.Create(database);
        // A folder with no model in it: the model is read on first use, not at start-up.
        await using var withOnnx = EmbeddingServices.Create(database, s => s["Embeddings:Onnx:ModelPath"] = Path.GetTempPath());

        plain.GetRequiredService<IStartupValidator>().Validate();
        withOnnx.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(["corpus"], plain.GetRequiredService<EmbeddingProviders>().Names);
        Assert.Equal(["corpus", "onnx"], withOnnx.GetRequiredService<EmbeddingProviders>().Names.Order(StringComparer.Ordinal));
        Assert.Equal("corpus", withOnnx.GetRequiredService<EmbeddingProviders>().Configured.Name);
    }
}
