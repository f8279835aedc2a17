using System.Data;
using Npgsql;
using NpgsqlTypes;
using PaperFeed.Core.Search;

namespace PaperFeed.Data.Search.Lexical;

/// <summary>
/// Lexical search: BM25F over titles and abstracts (weights stored by <see cref="SearchIndexRefresher"/>), ranked
/// OR-matching so that a long question still finds papers when some of its words match nothing, papers the query
/// names outright pinned first (<see cref="PinnedHits"/>), and "more like this" from a paper's own text.
/// </summary>
public sealed class LexicalSearch(NpgsqlDataSource dataSource)
{
    /// <summary>Most hits one call returns.</summary>
    public const int MaxLimit = 1_000;

    /// <summary>A longer query keeps only its rarest terms: the common ones add cost and barely move the ranking.</summary>
    public const int MaxQueryTerms = 64;

    /// <summary>
    /// How many of a paper's most informative terms (tf · idf) make its "similar papers" query. 15 rather than 40:
    /// at 37k papers the same precision@5 on the judgments and p95 36 ms instead of 249 (docs/benchmarks.md).
    /// </summary>
    public const int SimilarityTerms = 15;

    // Extra ranked hits fetched for a similarity search, to make up for duplicates of the paper removed afterwards.
    private const int DuplicateMargin = 10;

    public CandidateBudget Budget { get; init; } = CandidateBudget.Default;

    /// <summary>
    /// The best <paramref name="limit"/> papers for the query, by BM25 score (<see cref="SearchHit.Score"/>), after
    /// the pinned ones (<see cref="SearchHit.Pinned"/>): the paper of an arXiv id in the query, the paper whose title
    /// the query is, papers containing every quoted phrase. The filter applies to all of them.
    /// </summary>
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchFilter filter, int limit, CancellationToken ct) =>
        SearchAsync(query, filter, limit, rankTheRest: true, ct);

    /// <summary>
    /// Only the papers the query names outright (the pinned hits of <see cref="SearchAsync(string, SearchFilter, int, CancellationToken)"/>,
    /// with their BM25 scores), without ranking the rest: what semantic search needs, at a fraction of the cost.
    /// </summary>
    public Task<IReadOnlyList<SearchHit>> PinnedAsync(string query, SearchFilter filter, int limit, CancellationToken ct) =>
        SearchAsync(query, filter, limit, rankTheRest: false, ct);

    private async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchFilter filter, int limit, bool rankTheRest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        limit = Math.Min(limit, MaxLimit);
        var parsed = SearchQuery.Parse(query);
        if (parsed.IsEmpty)
        {
            return [];
        }

        await using var connection = await OpenAsync(ct);
        var weighted = await WeightedQuery.LoadAsync(connection, parsed.Terms.Select(t => t.Id).ToArray(), MaxQueryTerms, ct);
        var pinned = await new PinnedHits(connection).FindAsync(parsed, weighted, filter, limit, Budget, ct);
        var ranked = rankTheRest
            ? (await new RankedSearch(connection, Budget).TopAsync(weighted, new CandidateRestriction(filter), limit + pinned.Count, ct)).Hits
            : [];

        // Pinned papers keep their BM25 score, computed here for those the ranking did not reach.
        var scores = ranked.ToDictionary(h => h.PaperId, h => h.Score, StringComparer.Ordinal);
        var pinnedSet = pinned.ToHashSet(StringComparer.Ordinal);
        var missing = pinned.Where(id => !scores.ContainsKey(id)).ToArray();
        foreach (var (id, score) in await ScoresAsync(connection, weighted, missing, ct))
        {
            scores[id] = score;
        }

        return pinned.Select(id => new SearchHit(id, scores.GetValueOrDefault(id), Pinned: true))
            .Concat(ranked.Where(h => !pinnedSet.Contains(h.PaperId)))
            .Take(limit)
            .ToList();
    }

    /// <summary>
    /// Papers like the given one: BM25 with its own most informative terms (<see cref="SimilarityTerms"/> by
    /// tf · idf) as the query. Never the paper itself nor a copy of it (the same normalised title, or the same
    /// abstract). Empty when the paper does not exist.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SimilarToPaperAsync(string paperId, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paperId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        limit = Math.Min(limit, MaxLimit);

        await using var connection = await OpenAsync(ct);
        if (await SourcePaper.LoadAsync(connection, paperId, ct) is not { } paper)
        {
            return [];
        }

        var document = Bm25FDocument.Analyze(paper.Title, paper.Abstract);
        var shared = await SharedTermsAsync(connection, paper, ct);
        var informative = shared.Terms
            .OrderByDescending(t => Frequency(document, t.Id) * t.Idf)
            .ThenBy(t => t.Id)
            .Take(SimilarityTerms)
            .Select(t => t.Id);
        var query = shared.Only(informative);

        var ranked = await new RankedSearch(connection, Budget).TopAsync(
            query, new CandidateRestriction(SearchFilter.None, ExcludedPaperId: paperId), limit + DuplicateMargin, ct);
        var duplicates = await paper.DuplicatesAmongAsync(connection, ranked.Hits.Select(h => h.PaperId).ToArray(), ct);
        return ranked.Hits.Where(h => !duplicates.Contains(h.PaperId)).Take(limit).ToList();
    }

    /// <summary>
    /// The candidates scored by BM25 with the paper's whole title and abstract as the query (every term of it that
    /// another paper has), best first: the "more like this" ranking of the research notes, affordable because only
    /// the candidates are scored. Copies of the paper are left out; every other candidate is returned, one sharing no
    /// term with it (or not indexed yet) with a score of 0.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> ScoreAsSimilarAsync(string paperId, IReadOnlyList<string> candidateIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paperId);
        ArgumentNullException.ThrowIfNull(candidateIds);
        var candidates = candidateIds.Where(id => id != paperId).Distinct(StringComparer.Ordinal).ToArray();
        if (candidates.Length == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(ct);
        if (await SourcePaper.LoadAsync(connection, paperId, ct) is not { } paper)
        {
            return [];
        }

        var query = await SharedTermsAsync(connection, paper, ct);
        var scores = (await ScoresAsync(connection, query, candidates, ct)).ToDictionary(s => s.PaperId, s => s.Score, StringComparer.Ordinal);
        var duplicates = await paper.DuplicatesAmongAsync(connection, candidates, ct);
        return candidates
            .Where(id => !duplicates.Contains(id))
            .Select(id => new SearchHit(id, scores.GetValueOrDefault(id)))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.PaperId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The paper's title and abstract terms that at least one other paper has: a term only this paper has finds no
    /// other paper.
    /// </summary>
    private static async Task<WeightedQuery> SharedTermsAsync(NpgsqlConnection connection, SourcePaper paper, CancellationToken ct)
    {
        var termIds = SearchTextAnalyzer.TermIds(paper.Title).Concat(SearchTextAnalyzer.TermIds(paper.Abstract)).ToArray();
        var all = await WeightedQuery.LoadAsync(connection, termIds, int.MaxValue, ct);
        return all.Only(all.Terms.Where(t => t.DocumentFrequency >= 2).Select(t => t.Id));
    }

    private static int Frequency(Bm25FDocument document, int termId)
    {
        var (title, @abstract) = document.FrequencyOf(termId);
        return title + @abstract;
    }

    /// <summary>
    /// One connection in a read-only transaction for the whole search, with JIT compilation off: PostgreSQL would
    /// otherwise JIT-compile the larger candidate queries, which costs more than it saves at these sizes.
    /// </summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            await using var settings = new NpgsqlCommand("SET TRANSACTION READ ONLY; SET LOCAL jit = off", connection);
            await settings.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<List<(string PaperId, double Score)>> ScoresAsync(
        NpgsqlConnection connection, WeightedQuery query, string[] paperIds, CancellationToken cancellationToken)
    {
        var scores = new List<(string, double)>();
        if (paperIds.Length == 0 || query.IsEmpty)
        {
            return scores;
        }

        await using var command = new NpgsqlCommand("SELECT paper_id, -(weights <#> @query) FROM paper_search WHERE paper_id = ANY(@ids)", connection)
        {
            Parameters =
            {
                new NpgsqlParameter { ParameterName = "query", Value = query.Vector },
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = paperIds },
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            scores.Add((reader.GetString(0), reader.GetDouble(1)));
        }

        return scores;
    }
}
