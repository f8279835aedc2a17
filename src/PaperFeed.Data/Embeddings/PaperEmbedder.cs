using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using PaperFeed.Embeddings;
using Pgvector;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// Writes papers' vectors under one model: every paper without one (a new model, new papers), and papers whose text
/// changed since a given time. Papers are read in id order a batch at a time, embedded in parallel, and written with
/// one binary COPY per batch (upserted, so a changed paper's vector is replaced).
/// </summary>
public sealed class PaperEmbedder(NpgsqlDataSource dataSource, IOptions<EmbeddingOptions> options)
{
    /// <param name="changedSince">Also re-embed papers updated after this time (their text may have changed).</param>
    public async Task<EmbeddingCounts> EmbedAsync(
        EmbeddingModel model, IEmbeddingGenerator<string, Embedding<float>> generator, DateTimeOffset? changedSince,
        IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(generator);
        var total = progress is null ? 0 : await CountPendingAsync(model.Id, changedSince, cancellationToken);
        progress?.Report(new EmbeddingProgress(0, total));
        var counts = new EmbeddingCounts(0, 0);
        var after = "";
        while (true)
        {
            var batch = await ReadBatchAsync(model.Id, after, changedSince, cancellationToken);
            if (batch.Count == 0)
            {
                return counts;
            }

            after = batch[^1].Id;
            var vectors = await EmbedBatchAsync(generator, batch, cancellationToken);
            var rows = batch.Zip(vectors).Where(r => r.Second is not null).Select(r => (r.First.Id, r.Second!)).ToList();
            await WriteAsync(model, rows, cancellationToken);
            counts = new EmbeddingCounts(counts.Embedded + rows.Count, counts.WithoutKnownWords + batch.Count - rows.Count);
            progress?.Report(new EmbeddingProgress(counts.Embedded + counts.WithoutKnownWords, Math.Max(total, counts.Embedded + counts.WithoutKnownWords)));
        }
    }

    /// <summary>How many papers <see cref="EmbedAsync"/> would embed now.</summary>
    public async Task<long> CountPendingAsync(int modelId, DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM papers p WHERE {PendingCondition(modelId)}");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)changedSince ?? DBNull.Value });
        command.CommandTimeout = 0;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // The model id is inlined (an integer from our own table) so that the planner sees the partial index's predicate.
    private static string PendingCondition(int modelId) => string.Create(CultureInfo.InvariantCulture, $"""
        (NOT EXISTS (SELECT 1 FROM paper_embeddings e WHERE e.model_id = {modelId} AND e.paper_id = p.id)
         OR ($1::timestamptz IS NOT NULL AND p.updated_at > $1))
        """);

    private async Task<List<PaperToEmbed>> ReadBatchAsync(int modelId, string after, DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT p.id, p.title, p.abstract FROM papers p WHERE {PendingCondition(modelId)} AND p.id > $2 ORDER BY p.id LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)changedSince ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = options.Value.BatchSize });
        command.CommandTimeout = 0;
        var batch = new List<PaperToEmbed>(options.Value.BatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new PaperToEmbed(reader.GetString(0), PaperText.Of(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))));
        }

        return batch;
    }

    /// <summary>The batch split over the processors; a vector with no direction (no known word) comes back null.</summary>
    private static async Task<float[]?[]> EmbedBatchAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, List<PaperToEmbed> batch, CancellationToken cancellationToken)
    {
        var slices = batch.Chunk(Math.Max(1, (batch.Count + Environment.ProcessorCount - 1) / Environment.ProcessorCount)).ToList();
        var embedded = await Task.WhenAll(slices.Select(slice => Task.Run(
            () => generator.GenerateAsync(slice.Select(p => p.Text), cancellationToken: cancellationToken), cancellationToken)));
        return embedded.SelectMany(e => e).Select(e => e.Vector.Span.ContainsAnyExcept(0f) ? e.Vector.ToArray() : null).ToArray();
    }

    private static async Task WriteStagingAsync(NpgsqlConnection connection, List<(string Id, float[] Vector)> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("COPY embedding_staging (paper_id, embedding) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (id, vector) in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(id, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(new Vector(vector), "vector", cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private async Task WriteAsync(EmbeddingModel model, List<(string Id, float[] Vector)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS embedding_staging (paper_id text NOT NULL, embedding vector NOT NULL) ON COMMIT DELETE ROWS", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await WriteStagingAsync(connection, rows, cancellationToken);
        // A paper deleted since it was read has no row to point at: the join drops it.
        await using (var merge = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO paper_embeddings (model_id, paper_id, embedding)
            SELECT {model.Id}, s.paper_id, s.embedding FROM embedding_staging s JOIN papers p ON p.id = s.paper_id
            ON CONFLICT (model_id, paper_id) DO UPDATE SET embedding = excluded.embedding
            """), connection, transaction))
        {
            merge.CommandTimeout = 0;
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record PaperToEmbed(string Id, string Text);
}

/// <summary>Papers given a vector, and papers left without one because the model knows none of their words.</summary>
public sealed record EmbeddingCounts(long Embedded, long WithoutKnownWords);

public sealed record EmbeddingProgress(long Done, long Total);
