using Npgsql;
using NpgsqlTypes;
using PaperFeed.Core.Search;
using Pgvector;

namespace PaperFeed.Data.Search;

/// <summary>
/// Indexes one chunk of the queue in one transaction: takes the papers off <c>paper_search_pending</c>, analyses
/// them in parallel (<see cref="Bm25FDocument"/>), writes their rows through a binary COPY, and applies what changed
/// to the document frequencies (<c>search_terms</c>: +1 per new term of a paper, −1 per dropped one, summed here) and
/// to the corpus statistics. A crash at any point leaves the chunk queued and nothing half-written. A bulk rebuild
/// defers the document frequencies and statistics instead (<see cref="IndexDeltaSum"/>) and applies their sum once.
/// </summary>
internal sealed class SearchIndexChunk(NpgsqlDataSource dataSource, Bm25Options options)
{
    /// <summary>Indexes up to <paramref name="size"/> queued papers; returns how many queue entries it took (0: queue empty).</summary>
    /// <param name="deferred">
    /// Where the chunk adds its delta once committed, instead of writing it to <c>search_terms</c>; null: written here.
    /// </param>
    public async Task<int> IndexAsync(int size, LengthAverages averages, IndexDeltaSum? deferred, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (taken, papers) = await TakeAsync(connection, size, cancellationToken);
        if (taken == 0)
        {
            return 0;
        }

        var documents = new IndexedDocument[papers.Count];
        Parallel.For(0, papers.Count, i =>
        {
            var analysed = Bm25FDocument.Analyze(papers[i].Title, papers[i].Abstract);
            documents[i] = new IndexedDocument(
                papers[i], analysed.Weigh(options, averages.Title, averages.Abstract), analysed.TitleLength, analysed.AbstractLength);
        });

        var delta = IndexDelta.Of(documents);
        if (documents.Length > 0)
        {
            await WriteAsync(connection, documents, cancellationToken);
            if (deferred is null)
            {
                await ApplyAsync(connection, delta, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        deferred?.Add(delta);
        return taken;
    }

    /// <summary>Applies a delta (a bulk rebuild's sum) to the statistics and document frequencies, in one transaction.</summary>
    public async Task ApplyAsync(IndexDelta delta, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ApplyAsync(connection, delta, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, IndexDelta delta, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new(SearchIndexSql.ApplyStatisticsDelta)
                {
                    Parameters = { new() { Value = delta.Documents }, new() { Value = delta.TitleLength }, new() { Value = delta.AbstractLength } },
                },
                new(SearchIndexSql.ApplyTermDeltas) { Parameters = { new() { Value = delta.TermIds }, new() { Value = delta.Frequencies } } },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<(int Taken, List<QueuedPaper> Papers)> TakeAsync(
        NpgsqlConnection connection, int size, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SearchIndexSql.TakeChunk, connection) { Parameters = { new() { Value = size } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var taken = 0;
        var papers = new List<QueuedPaper>();
        while (await reader.ReadAsync(cancellationToken))
        {
            taken++;
            if (reader.GetBoolean(1))
            {
                papers.Add(new QueuedPaper(
                    reader.GetString(0), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<int[]>(4),
                    reader.IsDBNull(5) ? 0 : reader.GetInt32(5),
                    reader.IsDBNull(6) ? 0 : reader.GetInt32(6)));
            }
        }

        return (taken, papers);
    }

    private static async Task WriteAsync(NpgsqlConnection connection, IndexedDocument[] documents, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(SearchIndexSql.CreateStaging, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(SearchIndexSql.CopyIntoStaging, cancellationToken))
        {
            foreach (var document in documents)
            {
                // Synchronous writes: they only fill Npgsql's buffer.
                importer.StartRow();
                importer.Write(document.Paper.PaperId, NpgsqlDbType.Text);
                importer.Write(document.Weights.Ids, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                importer.Write(new SparseVector(SearchTermId.Dimensions, document.Weights.Ids, document.Weights.Weights), "sparsevec");
                importer.Write(document.TitleLength, NpgsqlDbType.Integer);
                importer.Write(document.AbstractLength, NpgsqlDbType.Integer);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var upsert = new NpgsqlCommand(SearchIndexSql.UpsertDocuments, connection);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The averages the weights of a refresh are computed with.</summary>
internal readonly record struct LengthAverages(double Title, double Abstract);

/// <summary>A queued paper's text and what the index holds for it now (<see cref="OldTerms"/> null: not indexed).</summary>
internal sealed record QueuedPaper(string PaperId, string Title, string Abstract, int[]? OldTerms, int OldTitleLength, int OldAbstractLength);

internal sealed record IndexedDocument(QueuedPaper Paper, TermWeights Weights, int TitleLength, int AbstractLength);

/// <summary>What a chunk changes in the corpus statistics and the document frequencies.</summary>
internal sealed record IndexDelta(long Documents, long TitleLength, long AbstractLength, int[] TermIds, int[] Frequencies)
{
    public static IndexDelta Of(long documents, long titleLength, long abstractLength, IEnumerable<KeyValuePair<int, int>> frequencies)
    {
        var changed = frequencies.Where(f => f.Value != 0).OrderBy(f => f.Key).ToList();
        return new IndexDelta(documents, titleLength, abstractLength, [.. changed.Select(f => f.Key)], [.. changed.Select(f => f.Value)]);
    }

    public static IndexDelta Of(IReadOnlyList<IndexedDocument> documents)
    {
        long added = 0, titleLength = 0, abstractLength = 0;
        var frequencies = new Dictionary<int, int>();
        foreach (var document in documents)
        {
            var old = document.Paper.OldTerms;
            added += old is null ? 1 : 0;
            titleLength += document.TitleLength - document.Paper.OldTitleLength;
            abstractLength += document.AbstractLength - document.Paper.OldAbstractLength;
            AddDifference(frequencies, document.Weights.Ids, old ?? []);
        }

        return Of(added, titleLength, abstractLength, frequencies);
    }

    // Both arrays are sorted and distinct: one merge walk finds the terms gained (+1) and lost (−1).
    private static void AddDifference(Dictionary<int, int> frequencies, int[] now, int[] before)
    {
        int i = 0, j = 0;
        while (i < now.Length || j < before.Length)
        {
            if (j == before.Length || (i < now.Length && now[i] < before[j]))
            {
                frequencies[now[i]] = frequencies.GetValueOrDefault(now[i]) + 1;
                i++;
            }
            else if (i == now.Length || before[j] < now[i])
            {
                frequencies[before[j]] = frequencies.GetValueOrDefault(before[j]) - 1;
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }
    }
}

/// <summary>
/// The deltas of a bulk rebuild's chunks, summed in memory and applied once at its end: one upsert per term of the
/// vocabulary instead of one per chunk and term. Thread-safe: the chunks run on parallel connections.
/// </summary>
internal sealed class IndexDeltaSum
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, int> _frequencies = [];
    private long _documents, _titleLength, _abstractLength;

    public void Add(IndexDelta delta)
    {
        lock (_gate)
        {
            _documents += delta.Documents;
            _titleLength += delta.TitleLength;
            _abstractLength += delta.AbstractLength;
            for (var i = 0; i < delta.TermIds.Length; i++)
            {
                _frequencies[delta.TermIds[i]] = _frequencies.GetValueOrDefault(delta.TermIds[i]) + delta.Frequencies[i];
            }
        }
    }

    public IndexDelta ToDelta()
    {
        lock (_gate)
        {
            return IndexDelta.Of(_documents, _titleLength, _abstractLength, _frequencies);
        }
    }
}
