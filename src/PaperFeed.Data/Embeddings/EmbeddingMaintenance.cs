using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// Keeps every paper embedded under the models in use, and replaces the active model: the worker's background pass
/// (<see cref="RunPassAsync"/>) and the <c>reembed</c> command (<see cref="ReembedAsync"/>). The caller holds the
/// <see cref="EmbeddingLock"/>, so that only one process fits or writes vectors at a time.
/// </summary>
public sealed partial class EmbeddingMaintenance(
    EmbeddingProviders providers,
    EmbeddingModelLifecycle lifecycle,
    PaperEmbedder embedder,
    EmbeddingGenerators generators,
    ActiveEmbeddingModel active,
    NpgsqlDataSource dataSource,
    ILogger<EmbeddingMaintenance> logger)
{
    /// <summary>
    /// Fits (or takes from configuration) a new model version, embeds every paper under it while the active model
    /// keeps serving, builds its index, and makes it the active model.
    /// </summary>
    public async Task<ReembedResult> ReembedAsync(IProgress<ReembedProgress>? progress, CancellationToken cancellationToken)
    {
        var provider = providers.Configured;
        var clock = Stopwatch.StartNew();
        progress?.Report(new ReembedProgress(ReembedStage.Fitting, $"creating a {provider.Name} model"));
        var created = await provider.CreateModelAsync(new Progress<string>(m => progress?.Report(new ReembedProgress(ReembedStage.Fitting, m))), cancellationToken);
        var fitTime = clock.Elapsed;
        var model = await lifecycle.RegisterAsync(provider.Name, created, cancellationToken);
        LogRegistered(logger, model.Name, model.Id);
        return await CompleteAsync(model, fitTime, progress, cancellationToken);
    }

    /// <summary>
    /// One background pass: finishes a model whose build was cut short, starts a new one when the provider asks for
    /// it (first model, grown corpus, changed configuration), then embeds papers that lack a vector of the active
    /// model (or whose text changed after <paramref name="changedSince"/>).
    /// </summary>
    public async Task<EmbeddingPassResult> RunPassAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        var provider = providers.Configured;
        ReembedResult? rebuilt = null;
        var building = (await lifecycle.BuildingAsync(cancellationToken)).LastOrDefault(m => m.Provider == provider.Name);
        if (building is not null)
        {
            LogResuming(logger, building.Name);
            rebuilt = await CompleteAsync(building, TimeSpan.Zero, null, cancellationToken);
        }
        else if (await provider.NeedsNewModelAsync(await lifecycle.ActiveAsync(cancellationToken), await PaperCountAsync(cancellationToken), cancellationToken))
        {
            rebuilt = await ReembedAsync(null, cancellationToken);
        }

        var current = await lifecycle.ActiveAsync(cancellationToken);
        if (current is null)
        {
            return new EmbeddingPassResult(rebuilt, new EmbeddingCounts(0, 0));
        }

        var generator = await generators.GetAsync(current, cancellationToken);
        var counts = await embedder.EmbedAsync(current, generator, changedSince, null, cancellationToken);
        return new EmbeddingPassResult(rebuilt, counts);
    }

    private async Task<ReembedResult> CompleteAsync(EmbeddingModel model, TimeSpan fitTime, IProgress<ReembedProgress>? progress, CancellationToken cancellationToken)
    {
        var generator = await generators.GetAsync(model, cancellationToken);
        var clock = Stopwatch.StartNew();
        var counts = await embedder.EmbedAsync(model, generator, null,
            new Progress<EmbeddingProgress>(p => progress?.Report(new ReembedProgress(ReembedStage.Embedding, null, p.Done, p.Total))),
            cancellationToken);
        var embedTime = clock.Elapsed;

        progress?.Report(new ReembedProgress(ReembedStage.Indexing, "building the HNSW index"));
        clock.Restart();
        await lifecycle.BuildIndexAsync(model, cancellationToken);
        // Papers ingested while the index was built.
        var late = await embedder.EmbedAsync(model, generator, null, null, cancellationToken);
        var indexTime = clock.Elapsed;

        progress?.Report(new ReembedProgress(ReembedStage.Activating, "activating"));
        var retired = await lifecycle.ActivateAsync(model, cancellationToken);
        active.Invalidate();
        LogActivated(logger, model.Name, counts.Embedded + late.Embedded, retired.Count);
        progress?.Report(new ReembedProgress(ReembedStage.RemovingRetired, "removing the retired model's vectors"));
        await lifecycle.RemoveRetiredAsync(waitGracePeriod: retired.Count > 0, keep: null, cancellationToken);
        generators.KeepOnly([model.Id]);
        return new ReembedResult(model, new EmbeddingCounts(counts.Embedded + late.Embedded, counts.WithoutKnownWords + late.WithoutKnownWords),
            fitTime, embedTime, indexTime);
    }

    private async Task<long> PaperCountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM papers");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered embedding model {Name} (id {Id}); embedding every paper")]
    private static partial void LogRegistered(ILogger logger, string name, int id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming the build of embedding model {Name}")]
    private static partial void LogResuming(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding model {Name} is active ({Papers} papers embedded; {Retired} model(s) retired)")]
    private static partial void LogActivated(ILogger logger, string name, long papers, int retired);
}

public enum ReembedStage
{
    Fitting,
    Embedding,
    Indexing,
    Activating,
    RemovingRetired,
}

public sealed record ReembedProgress(ReembedStage Stage, string? Message, long Done = 0, long Total = 0);

public sealed record ReembedResult(EmbeddingModel Model, EmbeddingCounts Counts, TimeSpan FitTime, TimeSpan EmbedTime, TimeSpan IndexTime);

public sealed record EmbeddingPassResult(ReembedResult? Rebuilt, EmbeddingCounts Counts);
