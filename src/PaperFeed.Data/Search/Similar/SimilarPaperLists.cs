using Npgsql;
using NpgsqlTypes;
using PaperFeed.Data.Embeddings;

namespace PaperFeed.Data.Search.Similar;

/// <summary>
/// The stored similar-paper lists (<c>paper_similar</c>): one row per paper, computed under one embedding model, read
/// instead of computing the list again. Computing one (a vector search, then BM25 over the candidates) costs about
/// 11 ms of CPU, which at 8 requests at once on two cores made similar papers the slowest read of a paper page; a
/// stored list is one key look-up. The table lives in PostgreSQL, so every web instance shares what any of them or
/// the worker computed.
/// </summary>
/// <remarks>
/// A list is used only while it is current: computed under the active model, deep enough for the request and younger
/// than <see cref="SimilarPaperListOptions.MaxAge"/>. Papers deleted since are skipped by the reader's join with
/// <c>papers</c>; a deleted anchor takes its row with it (foreign key).
/// </remarks>
public sealed class SimilarPaperLists(NpgsqlDataSource dataSource, ActiveEmbeddingModel activeModel, SimilarPaperListOptions options, TimeProvider clock)
{
    public int StoredDepth => options.StoredDepth;

    /// <summary>The model lists are stored under now; null while there is no active model (nothing is stored then).</summary>
    public async Task<int?> ActiveModelIdAsync(CancellationToken cancellationToken) =>
        (await activeModel.GetAsync(cancellationToken))?.Model.Id;

    /// <summary>The paper's stored list, best first, when it is current and holds at least <paramref name="depth"/> papers (or all there were).</summary>
    public async Task<IReadOnlyList<SearchHit>?> ReadAsync(string paperId, int modelId, int depth, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT similar_ids, scores FROM paper_similar
            WHERE paper_id = $1 AND model_id = $2 AND computed_at > $3 AND (list_depth >= $4 OR cardinality(similar_ids) < list_depth)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = paperId });
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() - options.MaxAge });
        command.Parameters.Add(new NpgsqlParameter { Value = depth });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var ids = reader.GetFieldValue<string[]>(0);
        var scores = reader.GetFieldValue<double[]>(1);
        return ids.Zip(scores, (id, score) => new SearchHit(id, score)).Take(depth).ToList();
    }

    /// <summary>
    /// Stores (or replaces) the paper's list, computed at depth <paramref name="depth"/> under <paramref name="modelId"/>;
    /// where the database refuses the write (a read-only replica), nothing is stored.
    /// </summary>
    public async Task StoreAsync(string paperId, int modelId, int depth, IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hits);
        // A paper deleted meanwhile has nothing to store; the foreign key would refuse it.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO paper_similar (paper_id, model_id, list_depth, similar_ids, scores, computed_at)
            SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM papers WHERE id = $1)
            ON CONFLICT (paper_id) DO UPDATE SET model_id = excluded.model_id, list_depth = excluded.list_depth,
                similar_ids = excluded.similar_ids, scores = excluded.scores, computed_at = excluded.computed_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = paperId });
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        command.Parameters.Add(new NpgsqlParameter { Value = depth });
        command.Parameters.Add(new NpgsqlParameter { Value = hits.Select(h => h.PaperId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = hits.Select(h => h.Score).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.ForeignKeyViolation)
        {
            // Storing only saves the next request work: an instance reading from a replica, or a model (or paper)
            // deleted a moment ago, answers with the list it computed all the same.
        }
    }

    /// <summary>
    /// Papers with a vector of <paramref name="modelId"/> whose list is missing or not current, newest first: the
    /// papers readers open most.
    /// </summary>
    public async Task<IReadOnlyList<string>> DueAsync(int modelId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT p.id
            FROM papers p
            JOIN paper_embeddings e ON e.model_id = $1 AND e.paper_id = p.id
            LEFT JOIN paper_similar s ON s.paper_id = p.id
            WHERE s.paper_id IS NULL OR s.model_id <> $1 OR s.computed_at <= $2 OR s.list_depth < $3
            ORDER BY p.published_at DESC NULLS LAST, p.id DESC
            LIMIT $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() - options.MaxAge });
        command.Parameters.Add(new NpgsqlParameter { Value = options.StoredDepth });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var due = new List<string>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(reader.GetString(0));
        }

        return due;
    }
}
