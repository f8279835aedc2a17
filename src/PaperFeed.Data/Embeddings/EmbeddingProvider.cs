using Microsoft.Extensions.AI;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// Where embedding models come from. A provider makes new model versions (<see cref="CreateModelAsync"/>), says when
/// the active one should be replaced (<see cref="NeedsNewModelAsync"/>), and turns a stored model back into an
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> in any process (<see cref="CreateGenerator"/>).
/// </summary>
public abstract class EmbeddingProvider
{
    /// <summary>The configuration's name for it (<c>Embeddings:Provider</c>) and <c>embedding_models.provider</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Makes the next model version to register (for a fitted provider, fits it: minutes).</summary>
    public abstract Task<NewEmbeddingModel> CreateModelAsync(IProgress<string>? status, CancellationToken cancellationToken);

    /// <summary>Whether a new model should replace <paramref name="current"/> (null: no model is active yet).</summary>
    public abstract Task<bool> NeedsNewModelAsync(EmbeddingModel? current, long paperCount, CancellationToken cancellationToken);

    /// <summary>The generator of a stored model of this provider; the caller caches it and disposes it.</summary>
    public abstract IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmbeddingModel model);
}

/// <summary>A model version about to be registered. <see cref="Name"/> is unique across all versions ever registered.</summary>
public sealed record NewEmbeddingModel(string Name, int Dimensions, byte[]? Artifact = null, int? FittedPaperCount = null);

/// <summary>
/// What an external model's factory returns: its generator, the model's name (e.g. <c>all-MiniLM-L6-v2</c>) and the
/// length of its vectors.
/// </summary>
public sealed record ExternalEmbeddingModel(IEmbeddingGenerator<string, Embedding<float>> Generator, string ModelName, int Dimensions);

/// <summary>
/// A provider whose model is given by configuration (an ONNX file, an OpenAI-compatible endpoint): nothing to fit.
/// A new version is registered when the configured model name differs from the active model's, so changing the
/// configuration re-embeds every paper in the background. The model is made on first use and owned here.
/// </summary>
public sealed class ExternalEmbeddingProvider(string name, Func<ExternalEmbeddingModel> create, TimeProvider clock) : EmbeddingProvider, IDisposable
{
    private readonly Lock _gate = new();
    private ExternalEmbeddingModel? _model;

    public override string Name => name;

    /// <summary>
    /// Made once; a failure (a server not up yet, a folder not mounted yet) is not kept, as <see cref="Lazy{T}"/> would
    /// keep it, so the next use tries again.
    /// </summary>
    private ExternalEmbeddingModel Model
    {
        get
        {
            lock (_gate)
            {
                return _model ??= create();
            }
        }
    }

    public override Task<NewEmbeddingModel> CreateModelAsync(IProgress<string>? status, CancellationToken cancellationToken)
    {
        var model = Model;
        return Task.FromResult(new NewEmbeddingModel(EmbeddingModelNames.Create(name, model.ModelName, clock.GetUtcNow()), model.Dimensions));
    }

    public override Task<bool> NeedsNewModelAsync(EmbeddingModel? current, long paperCount, CancellationToken cancellationToken)
    {
        if (current is null || current.Provider != name)
        {
            return Task.FromResult(true);
        }

        var model = Model;
        return Task.FromResult(EmbeddingModelNames.ModelOf(current.Name) != model.ModelName || current.Dimensions != model.Dimensions);
    }

    /// <summary>The configured generator, shared: the external model has one instance per process.</summary>
    public override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmbeddingModel model) =>
        new NonDisposingGenerator(Model.Generator);

    public void Dispose()
    {
        lock (_gate)
        {
            _model?.Generator.Dispose();
            _model = null;
        }
    }

    /// <summary>The shared generator, which its users must not dispose: the provider owns it.</summary>
    private sealed class NonDisposingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            inner.GenerateAsync(values, options, cancellationToken);

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }
}

/// <summary>Model names: <c>provider/model/version</c>, the version being the UTC time of registration.</summary>
public static class EmbeddingModelNames
{
    public static string Create(string provider, string model, DateTimeOffset at) =>
        $"{provider}/{model}/{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}";

    /// <summary>The middle part: the model without provider and version.</summary>
    public static string ModelOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var first = name.IndexOf('/', StringComparison.Ordinal);
        var last = name.LastIndexOf('/');
        return first >= 0 && last > first ? name[(first + 1)..last] : name;
    }
}
