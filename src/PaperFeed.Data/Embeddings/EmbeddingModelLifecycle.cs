using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// A model's life in the database: registered as <see cref="EmbeddingModelState.Building"/>, given its own partial
/// HNSW index, made <see cref="EmbeddingModelState.Active"/> (the previous one retired in the same transaction), and
/// the retired model's vectors and index dropped once no process can still be querying them.
/// </summary>
public sealed class EmbeddingModelLifecycle(
    NpgsqlDataSource dataSource, IDbContextFactory<PaperFeedDbContext> contexts, IOptions<EmbeddingOptions> options, TimeProvider clock)
{
    public static string IndexName(int modelId) => string.Create(CultureInfo.InvariantCulture, $"ix_paper_embeddings_model_{modelId}");

    /// <summary>The query expression the model's index is built on; queries must use exactly this to use it.</summary>
    public static string VectorExpression(EmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return string.Create(CultureInfo.InvariantCulture, $"(embedding::vector({model.Dimensions}))");
    }

    public async Task<EmbeddingModel?> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.EmbeddingModels.AsNoTracking().SingleOrDefaultAsync(m => m.State == EmbeddingModelState.Active, cancellationToken);
    }

    public async Task<IReadOnlyList<EmbeddingModel>> BuildingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.EmbeddingModels.AsNoTracking().Where(m => m.State == EmbeddingModelState.Building).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    public async Task<EmbeddingModel> RegisterAsync(string provider, NewEmbeddingModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new EmbeddingModel
        {
            Name = model.Name,
            Provider = provider,
            Dimensions = model.Dimensions,
            State = EmbeddingModelState.Building,
            Artifact = model.Artifact,
            FittedPaperCount = model.FittedPaperCount,
            CreatedAt = clock.GetUtcNow(),
        };
        db.EmbeddingModels.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// Builds the model's partial HNSW index over the vectors written so far (later ones are added to it as they
    /// are written): one build over the filled table (13 s at 37k papers, docs/search-quality.md) rather than
    /// maintaining the graph through every batch of the fill.
    /// </summary>
    public async Task BuildIndexAsync(EmbeddingModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var hnsw = options.Value.Hnsw;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var memory = new NpgsqlCommand("SELECT set_config('maintenance_work_mem', $1, false)", connection))
        {
            memory.Parameters.Add(new NpgsqlParameter { Value = hnsw.BuildMemory });
            await memory.ExecuteNonQueryAsync(cancellationToken);
        }

        await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"""
            CREATE INDEX IF NOT EXISTS {IndexName(model.Id)} ON paper_embeddings
            USING hnsw ({VectorExpression(model)} vector_cosine_ops) WITH (m = {hnsw.M}, ef_construction = {hnsw.EfConstruction})
            WHERE model_id = {model.Id}
            """), cancellationToken);
    }

    /// <summary>Makes the model the active one and retires the previous one, atomically; returns the retired models.</summary>
    public async Task<IReadOnlyList<int>> ActivateAsync(EmbeddingModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var retired = new List<int>();
        await using (var retire = new NpgsqlCommand(
            "UPDATE embedding_models SET state = 2, artifact = NULL WHERE state = 1 AND id <> $1 RETURNING id", connection, transaction))
        {
            retire.Parameters.Add(new NpgsqlParameter { Value = model.Id });
            await using var reader = await retire.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                retired.Add(reader.GetInt32(0));
            }
        }

        await using (var activate = new NpgsqlCommand("UPDATE embedding_models SET state = 1, activated_at = now() WHERE id = $1 AND state = 0", connection, transaction))
        {
            activate.Parameters.Add(new NpgsqlParameter { Value = model.Id });
            if (await activate.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Embedding model {model.Name} is no longer being built; it cannot be activated.");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        model.State = EmbeddingModelState.Active;
        return retired;
    }

    /// <summary>
    /// Drops the vectors and index of every retired model (and of abandoned builds other than <paramref name="keep"/>),
    /// after the grace period that lets other processes notice the switch.
    /// </summary>
    public async Task RemoveRetiredAsync(bool waitGracePeriod, int? keep, CancellationToken cancellationToken)
    {
        if (waitGracePeriod && options.Value.RetiredGracePeriod > TimeSpan.Zero)
        {
            await Task.Delay(options.Value.RetiredGracePeriod, clock, cancellationToken);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stale = new List<int>();
        await using (var find = new NpgsqlCommand(
            "SELECT id FROM embedding_models m WHERE (state = 2 OR (state = 0 AND id <> coalesce($1, -1))) AND EXISTS (SELECT 1 FROM paper_embeddings e WHERE e.model_id = m.id)",
            connection))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = (object?)keep ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stale.Add(reader.GetInt32(0));
            }
        }

        foreach (var id in stale)
        {
            await ExecuteAsync(connection, $"DROP INDEX IF EXISTS {IndexName(id)}", cancellationToken);
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"DELETE FROM paper_embeddings WHERE model_id = {id}"), cancellationToken);
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"UPDATE embedding_models SET state = 2, artifact = NULL WHERE id = {id}"), cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
