using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// The model queries use, as this process knows it: re-read from the database at most every
/// <see cref="EmbeddingOptions.ActiveModelCheckInterval"/>, so that a model activated by the worker is picked up
/// within seconds by every web instance, and its generator loaded once.
/// </summary>
public sealed class ActiveEmbeddingModel(
    IDbContextFactory<PaperFeedDbContext> contexts, EmbeddingGenerators generators, IOptions<EmbeddingOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private LoadedEmbeddingModel? _current;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>The active model and its generator; null when no model is active yet.</summary>
    public async Task<LoadedEmbeddingModel?> GetAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _checkedAt < options.Value.ActiveModelCheckInterval)
        {
            return _current;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _checkedAt < options.Value.ActiveModelCheckInterval)
            {
                return _current;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var active = await db.EmbeddingModels.AsNoTracking()
                .Where(m => m.State == EmbeddingModelState.Active)
                .Select(m => new EmbeddingModel
                {
                    Id = m.Id, Name = m.Name, Provider = m.Provider, Dimensions = m.Dimensions, State = m.State,
                    FittedPaperCount = m.FittedPaperCount, CreatedAt = m.CreatedAt, ActivatedAt = m.ActivatedAt,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (active?.Id != _current?.Model.Id)
            {
                _current = active is null ? null : new LoadedEmbeddingModel(active, await generators.GetAsync(active, cancellationToken));
                // The retired model's generator (megabytes of word vectors) is not needed any more; another user of
                // the cache (the worker, for a model being built) loads what it needs again.
                generators.KeepOnly(active is null ? [] : [active.Id]);
            }

            _checkedAt = clock.GetUtcNow();
            return _current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets what it knows, so that the next call reads the database (after a switch made in this process).</summary>
    public void Invalidate() => _checkedAt = DateTimeOffset.MinValue;

    public void Dispose() => _refresh.Dispose();
}

public sealed record LoadedEmbeddingModel(EmbeddingModel Model, IEmbeddingGenerator<string, Embedding<float>> Generator);
