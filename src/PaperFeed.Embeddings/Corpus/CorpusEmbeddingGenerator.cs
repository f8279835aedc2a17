using Microsoft.Extensions.AI;

namespace PaperFeed.Embeddings.Corpus;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over a fitted <see cref="CorpusModel"/>: in-process, no
/// network, a few microseconds a text. A text without a single known word gets the zero vector, which has no
/// direction: callers skip it (pgvector's cosine distance to it is NaN).
/// </summary>
public sealed class CorpusEmbeddingGenerator(CorpusModel model, string modelName) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "corpus";

    private readonly EmbeddingGeneratorMetadata _metadata = new(ProviderName, defaultModelId: modelName, defaultModelDimensions: model.Dimensions);

    public CorpusModel Model => model;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vector = new float[model.Dimensions];
            model.Embed(value, vector);
            embeddings.Add(new Embedding<float>(vector) { ModelId = modelName, CreatedAt = null });
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(model) ? model
            : null;
    }

    public void Dispose()
    {
    }
}
