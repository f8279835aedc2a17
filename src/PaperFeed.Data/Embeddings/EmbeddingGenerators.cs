using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// The generators of stored models, loaded once per process (a corpus model's artifact is megabytes) and kept
/// while the model is in use.
/// </summary>
public sealed class EmbeddingGenerators(EmbeddingProviders providers, IDbContextFactory<PaperFeedDbContext> contexts) : IDisposable
{
    private readonly ConcurrentDictionary<int, Lazy<Task<IEmbeddingGenerator<string, Embedding<float>>>>> _loaded = new();

    public Task<IEmbeddingGenerator<string, Embedding<float>>> GetAsync(EmbeddingModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var lazy = _loaded.GetOrAdd(model.Id, _ => new Lazy<Task<IEmbeddingGenerator<string, Embedding<float>>>>(() => LoadAsync(model)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed load (database down) is not cached.
            _loaded.TryRemove(new(model.Id, lazy));
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets the generators of models other than <paramref name="inUse"/>.</summary>
    public void KeepOnly(IReadOnlyCollection<int> inUse)
    {
        ArgumentNullException.ThrowIfNull(inUse);
        foreach (var id in _loaded.Keys.Where(id => !inUse.Contains(id)))
        {
            if (_loaded.TryRemove(id, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Dispose();
            }
        }
    }

    private async Task<IEmbeddingGenerator<string, Embedding<float>>> LoadAsync(EmbeddingModel model)
    {
        var provider = providers.Get(model.Provider);
        if (model.Artifact is null && provider is CorpusEmbeddingProvider)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var artifact = await db.EmbeddingModels.Where(m => m.Id == model.Id).Select(m => m.Artifact).SingleOrDefaultAsync()
                ?? throw new InvalidOperationException($"Embedding model {model.Name} has no artifact (was it retired?).");
            model = new EmbeddingModel
            {
                Id = model.Id, Name = model.Name, Provider = model.Provider, Dimensions = model.Dimensions, State = model.State,
                Artifact = artifact, FittedPaperCount = model.FittedPaperCount, CreatedAt = model.CreatedAt, ActivatedAt = model.ActivatedAt,
            };
        }

        return provider.CreateGenerator(model);
    }

    public void Dispose() => KeepOnly([]);
}
