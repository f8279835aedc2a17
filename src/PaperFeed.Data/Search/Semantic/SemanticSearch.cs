using System.Globalization;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using PaperFeed.Data.Embeddings;
using Pgvector;

namespace PaperFeed.Data.Search.Semantic;

/// <summary>
/// Papers ranked by meaning: cosine similarity between vectors of the active embedding model, found through that
/// model's partial HNSW index. Filtered queries use pgvector's iterative index scan, so that a narrow date range or
/// category still fills the page. Every query compares vectors of one model only; with no active model yet, every
/// search is empty.
/// </summary>
public sealed class SemanticSearch(NpgsqlDataSource dataSource, ActiveEmbeddingModel activeModel, IOptions<EmbeddingOptions> options)
{
    /// <summary>Rocchio's weights: the centroid of the positives, minus a smaller share of the negatives'.</summary>
    private const float PositiveWeight = 1.0f;
    private const float NegativeWeight = 0.5f;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchFilter filter, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (string.IsNullOrWhiteSpace(query) || await activeModel.GetAsync(ct) is not { } model)
        {
            return [];
        }

        var embedding = await model.Generator.GenerateAsync([query], cancellationToken: ct);
        var vector = embedding[0].Vector.ToArray();
        return HasDirection(vector) ? await NearestAsync(model.Model, vector, filter, [], limit, ct) : [];
    }

    /// <summary>The papers nearest to this one (never itself); empty when it has no vector yet.</summary>
    public async Task<IReadOnlyList<SearchHit>> SimilarToPaperAsync(string paperId, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paperId);
        return await NearestToExamplesAsync([paperId], [], limit, ct);
    }

    /// <summary>
    /// Rocchio-style: towards the centroid of <paramref name="positiveIds"/>, away from that of
    /// <paramref name="negativeIds"/>; never returns an input paper. Empty when no positive paper has a vector.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> NearestToExamplesAsync(
        IReadOnlyList<string> positiveIds, IReadOnlyList<string> negativeIds, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(positiveIds);
        ArgumentNullException.ThrowIfNull(negativeIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (positiveIds.Count == 0 || await activeModel.GetAsync(ct) is not { } model)
        {
            return [];
        }

        var positives = await VectorsAsync(model.Model, positiveIds, ct);
        if (positives.Count == 0)
        {
            return [];
        }

        var negatives = await VectorsAsync(model.Model, negativeIds, ct);
        var query = new float[model.Model.Dimensions];
        foreach (var vector in positives)
        {
            TensorPrimitives.MultiplyAdd(vector, PositiveWeight / positives.Count, query, query);
        }

        foreach (var vector in negatives)
        {
            TensorPrimitives.MultiplyAdd(vector, -NegativeWeight / negatives.Count, query, query);
        }

        return HasDirection(query)
            ? await NearestAsync(model.Model, query, SearchFilter.None, [.. positiveIds, .. negativeIds], limit, ct)
            : [];
    }

    /// <summary>Whether an active model exists (semantic search can answer).</summary>
    public async Task<bool> IsReadyAsync(CancellationToken ct) => await activeModel.GetAsync(ct) is not null;

    private static bool HasDirection(ReadOnlySpan<float> vector) => TensorPrimitives.Norm(vector) > 1e-6f;

    private async Task<List<float[]>> VectorsAsync(EmbeddingModel model, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var vectors = new List<float[]>();
        if (ids.Count == 0)
        {
            return vectors;
        }

        await using var command = dataSource.CreateCommand(string.Create(CultureInfo.InvariantCulture,
            $"SELECT embedding FROM paper_embeddings WHERE model_id = {model.Id} AND paper_id = ANY($1)"));
        command.Parameters.Add(new NpgsqlParameter { Value = ids.Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            vectors.Add(reader.GetFieldValue<Vector>(0).ToArray());
        }

        return vectors;
    }

    private async Task<IReadOnlyList<SearchHit>> NearestAsync(
        EmbeddingModel model, float[] vector, SearchFilter filter, IReadOnlyList<string> excluded, int limit, CancellationToken ct)
    {
        var hnsw = options.Value.Hnsw;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var exact = !filter.IsEmpty && await KeepsFewerThanAsync(connection, transaction, filter, hnsw.ExactSearchBelow, ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(string.Create(CultureInfo.InvariantCulture, $"SET LOCAL hnsw.ef_search = {Math.Clamp(Math.Max(hnsw.EfSearch, limit), 1, 1000)}")));
        // relaxed_order: a filtered scan keeps walking the graph until it has found enough matches; the outer
        // ORDER BY puts the few out-of-order results back in place.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL hnsw.iterative_scan = relaxed_order"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(string.Create(CultureInfo.InvariantCulture, $"SET LOCAL hnsw.max_scan_tuples = {hnsw.MaxScanTuples}")));
        batch.BatchCommands.Add(exact ? ExactQuery(model, vector, filter, excluded, limit) : NearestQuery(model, vector, filter, excluded, limit));

        var hits = new List<SearchHit>(limit);
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                hits.Add(new SearchHit(reader.GetString(0), 1 - reader.GetDouble(1)));
            }
        }

        await transaction.CommitAsync(ct);
        return hits;
    }

    /// <summary>
    /// Whether the filter keeps fewer than <paramref name="bound"/> papers, counted through the filter's own index
    /// (and never past the bound). A narrow filter leaves the graph walk too few matches near the query: at a million
    /// papers one category of 0.2% found about half of its true ten nearest (docs/benchmarks.md), while comparing
    /// the query with each of its papers finds them all.
    /// </summary>
    private static async Task<bool> KeepsFewerThanAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SearchFilter filter, int bound, CancellationToken ct)
    {
        if (bound <= 0)
        {
            return false;
        }

        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var conditions = FilterConditions(command.Parameters, filter);
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SELECT count(*) FROM (SELECT 1 FROM papers p WHERE {string.Join(" AND ", conditions)} LIMIT {bound}) kept");
        return (long)(await command.ExecuteScalarAsync(ct))! < bound;
    }

    private static DateTime Utc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>
    /// The model's id and dimensions are inlined (integers from our own table): the planner must see
    /// <c>model_id = N</c> and the exact indexed expression to choose the model's partial HNSW index. The papers
    /// table is joined only for a filter; dates are UTC days, both ends inclusive.
    /// </summary>
    internal static NpgsqlBatchCommand NearestQuery(EmbeddingModel model, float[] vector, SearchFilter filter, IReadOnlyList<string> excluded, int limit)
    {
        var command = new NpgsqlBatchCommand();
        var conditions = Conditions(command, model, vector, filter, excluded);
        var join = filter.IsEmpty ? "" : "JOIN papers p ON p.id = e.paper_id";
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH nearest AS MATERIALIZED (
                SELECT e.paper_id, {EmbeddingModelLifecycle.VectorExpression(model)} <=> $1::vector({model.Dimensions}) AS distance
                FROM paper_embeddings e {join}
                WHERE {string.Join(" AND ", conditions)}
                ORDER BY distance
                LIMIT {limit}
            )
            SELECT paper_id, distance FROM nearest ORDER BY distance, paper_id
            """);
        return command;
    }

    /// <summary>
    /// The same answer as <see cref="NearestQuery"/> by comparing the query with every paper the filter keeps: the
    /// distances are computed in a materialized CTE without an ORDER BY, which the HNSW index cannot serve, so the
    /// planner reaches the papers through the filter's index.
    /// </summary>
    internal static NpgsqlBatchCommand ExactQuery(EmbeddingModel model, float[] vector, SearchFilter filter, IReadOnlyList<string> excluded, int limit)
    {
        var command = new NpgsqlBatchCommand();
        var conditions = Conditions(command, model, vector, filter, excluded);
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH kept AS MATERIALIZED (
                SELECT e.paper_id, {EmbeddingModelLifecycle.VectorExpression(model)} <=> $1::vector({model.Dimensions}) AS distance
                FROM papers p JOIN paper_embeddings e ON e.paper_id = p.id
                WHERE {string.Join(" AND ", conditions)}
            )
            SELECT paper_id, distance FROM kept ORDER BY distance, paper_id LIMIT {limit}
            """);
        return command;
    }

    // $1 is the query vector; the model, the filter and the excluded papers follow.
    private static List<string> Conditions(NpgsqlBatchCommand command, EmbeddingModel model, float[] vector, SearchFilter filter, IReadOnlyList<string> excluded)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(vector) });
        List<string> conditions = [string.Create(CultureInfo.InvariantCulture, $"e.model_id = {model.Id}"), .. FilterConditions(command.Parameters, filter)];
        if (excluded.Count > 0)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = excluded.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            conditions.Add("e.paper_id <> ALL($" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture) + ")");
        }

        return conditions;
    }

    /// <summary>The filter as conditions on <c>papers p</c>, its values appended to <paramref name="parameters"/> as $n.</summary>
    private static List<string> FilterConditions(NpgsqlParameterCollection parameters, SearchFilter filter)
    {
        var conditions = new List<string>();
        void Add(string condition, object value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            conditions.Add(condition.Replace("{p}", "$" + parameters.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        if (filter.From is { } from)
        {
            Add("p.published_at >= {p}", Utc(from), NpgsqlDbType.TimestampTz);
        }

        if (filter.To is { } to)
        {
            Add("p.published_at < {p}", Utc(to.AddDays(1)), NpgsqlDbType.TimestampTz);
        }

        if (filter.Category is { } category)
        {
            Add("p.categories @> ARRAY[{p}]", category, NpgsqlDbType.Text);
        }

        return conditions;
    }
}
