using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace PaperFeed.Data.Search.Lexical;

/// <summary>
/// The top k papers by BM25 for a ranked OR-query without scoring every paper that matches some term.
/// </summary>
/// <remarks>
/// <para>
/// A paper's score is Σ idf(t) · w(paper, t) over the query terms, and every stored weight w is below 1: a paper
/// scores below the sum of the idfs of the query terms it contains (the max-score bound). Candidates are found by
/// the GIN index on <c>terms</c> and scored exactly by the sparse inner product in PostgreSQL, in three stages
/// within a budget of candidate rows (<see cref="CandidateBudget"/>):
/// </para>
/// <list type="number">
/// <item>Seed: the papers that contain three of the query's six rarest terms, then two of its four rarest
/// (<c>terms @&gt; ARRAY[a, b, c]</c> per combination, intersections the index computes without reading rows), at
/// most the first step's allowance of rows. They are few, and they are where a question's best matches are, so the
/// k-th best score found (the bar) starts high.</item>
/// <item>Rarest terms first: every paper containing the rarest terms (<c>terms &amp;&amp; ARRAY[…]</c>), a growing
/// batch at a time. Once the bar is at least the sum of the idfs of the terms not taken yet, no other paper can
/// enter the top k: it is exact.</item>
/// <item>Winning combinations: a paper holding none of the taken terms can only pass the bar if the idfs of the
/// other terms it holds sum above it; when those minimal combinations are few, the papers holding one of them
/// (one <c>@&gt;</c> per combination) are the last candidates, and scoring them makes the top k exact.</item>
/// </list>
/// <para>
/// When the budget runs out first the best papers found are returned (<see cref="RankedResult.Exact"/> false): a
/// long query of common words over a million papers has no small exact answer, and the seed holds its best
/// matches. A selective filter (few papers in the date range or category) is served the other way round: every
/// paper that passes it and contains a query term is scored, which is exact and cheap.
/// </para>
/// </remarks>
internal sealed class RankedSearch(NpgsqlConnection connection, CandidateBudget budget)
{
    // The seed's tiers: any three of the six rarest terms, then any two of the four rarest. Measured on the
    // development queries over 1M papers, wider tiers only read more rows and found less (their rows hit the cap).
    private const int SeedTriples = 6;
    private const int SeedPairs = 4;

    public async Task<RankedResult> TopAsync(WeightedQuery query, CandidateRestriction restriction, int k, CancellationToken cancellationToken)
    {
        if (query.IsEmpty || k <= 0)
        {
            return new RankedResult([], Exact: true, ScoredRows: 0, Steps: 0);
        }

        var all = Candidates.AnyOf(query.Terms.Select(t => t.Id));
        if (restriction.ReadsPapers && await FilterIsSelectiveAsync(restriction, cancellationToken))
        {
            var (hits, rows) = await ScoreAsync(query, all, restriction, k, cap: null, cancellationToken, filterFirst: true);
            return new RankedResult(hits, Exact: true, rows, Steps: 1);
        }

        if (query.Terms.Sum(t => t.DocumentFrequency) <= budget.FirstStep)
        {
            var (hits, rows) = await ScoreAsync(query, all, restriction, k, cap: null, cancellationToken);
            return new RankedResult(hits, Exact: true, rows, Steps: 1);
        }

        return await StagedAsync(query, restriction, k, cancellationToken);
    }

    private async Task<RankedResult> StagedAsync(WeightedQuery query, CandidateRestriction restriction, int k, CancellationToken cancellationToken)
    {
        var terms = query.Terms;
        var top = new TopHits(k);
        var steps = 0;
        long spent = 0;

        foreach (var tier in SeedTiers(query))
        {
            var room = (int)(budget.FirstStep - spent);
            if (room <= 0)
            {
                break;
            }

            var (seedHits, seedRows) = await ScoreAsync(query, tier, restriction, k, room, cancellationToken);
            top.Add(seedHits);
            spent += seedRows;
            steps++;
        }

        var taken = 0;
        var boundOfRest = terms.Sum(t => t.Idf);
        while (taken < terms.Count && !(top.IsFull && top.Threshold >= boundOfRest))
        {
            var allowance = Math.Max(budget.FirstStep, spent);
            var next = taken;
            long rows = 0;
            do
            {
                rows += terms[next].DocumentFrequency;
                next++;
            }
            while (next < terms.Count && rows + terms[next].DocumentFrequency <= allowance);

            if (spent + rows > budget.Total)
            {
                break;
            }

            var batch = terms.Skip(taken).Take(next - taken).ToList();
            var (hits, scored) = await ScoreAsync(query, Candidates.AnyOf(batch.Select(t => t.Id)), restriction, k, cap: null, cancellationToken);
            top.Add(hits);
            steps++;
            spent += scored;
            boundOfRest -= batch.Sum(t => t.Idf);
            taken = next;
        }

        if (taken == terms.Count || (top.IsFull && top.Threshold >= boundOfRest))
        {
            return new RankedResult(top.Best(), Exact: true, spent, steps);
        }

        // The papers holding none of the taken terms that could still pass the bar hold a winning combination of the rest.
        var threshold = top.IsFull ? top.Threshold : 0;
        var combinations = WinningCombinations(terms.Skip(taken).ToList(), threshold, budget.MaxCombinations);
        var remaining = (int)Math.Max(0, budget.Total - spent);
        if (combinations is null || remaining == 0)
        {
            return new RankedResult(top.Best(), Exact: false, spent, steps);
        }

        var (last, lastRows) = await ScoreAsync(query, Candidates.AllOfOne(combinations), restriction, k, remaining, cancellationToken);
        top.Add(last);
        return new RankedResult(top.Best(), Exact: lastRows < remaining, spent + lastRows, steps + 1);
    }

    /// <summary>
    /// The papers holding several of the query's rarest terms, most selective first (<see cref="SeedTriples"/>,
    /// <see cref="SeedPairs"/>). A one-term query seeds with its term.
    /// </summary>
    private static IEnumerable<Candidates> SeedTiers(WeightedQuery query)
    {
        var ids = query.Terms.Select(t => t.Id).ToArray();
        if (ids.Length == 1)
        {
            yield return Candidates.AnyOf(ids);
            yield break;
        }

        if (ids.Length >= 3)
        {
            yield return Candidates.AllOfOne(Subsets(ids[..Math.Min(SeedTriples, ids.Length)], 3));
        }

        yield return Candidates.AllOfOne(Subsets(ids[..Math.Min(SeedPairs, ids.Length)], 2));
    }

    private static List<int[]> Subsets(int[] ids, int size)
    {
        var subsets = new List<int[]>();
        var current = new int[size];
        void Choose(int start, int depth)
        {
            if (depth == size)
            {
                subsets.Add([.. current]);
                return;
            }

            for (var i = start; i <= ids.Length - (size - depth); i++)
            {
                current[depth] = ids[i];
                Choose(i + 1, depth + 1);
            }
        }

        Choose(0, 0);
        return subsets;
    }

    /// <summary>
    /// The minimal sets of <paramref name="terms"/> (rarest first) whose idfs sum above the bar; null when there
    /// are more than <paramref name="max"/> (too many index lookups: the search stays approximate).
    /// </summary>
    internal static List<int[]>? WinningCombinations(IReadOnlyList<WeightedTerm> terms, double bar, int max)
    {
        var suffix = new double[terms.Count + 1];
        for (var i = terms.Count - 1; i >= 0; i--)
        {
            suffix[i] = suffix[i + 1] + terms[i].Idf;
        }

        var found = new List<int[]>();
        var current = new List<int>();

        // Terms are added in order of falling idf, so a set that passes the bar when its last term is added is
        // minimal: dropping any term loses at least as much as the last one.
        bool Extend(int start, double sum)
        {
            for (var i = start; i < terms.Count && sum + suffix[i] > bar; i++)
            {
                current.Add(terms[i].Id);
                if (sum + terms[i].Idf > bar)
                {
                    found.Add([.. current]);
                }
                else if (!Extend(i + 1, sum + terms[i].Idf))
                {
                    return false;
                }

                current.RemoveAt(current.Count - 1);
                if (found.Count > max)
                {
                    return false;
                }
            }

            return true;
        }

        return Extend(0, 0) && found.Count > 0 ? found : null;
    }

    private async Task<bool> FilterIsSelectiveAsync(CandidateRestriction restriction, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("TRUE");
        await using var command = new NpgsqlCommand { Connection = connection };
        restriction.AppendPaperConditions(where, command.Parameters);
        command.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM papers p WHERE {where} LIMIT @cap) x";
        command.Parameters.Add(new NpgsqlParameter("cap", NpgsqlDbType.Integer) { Value = budget.FilterFirst + 1 });
        var matching = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return matching <= budget.FilterFirst;
    }

    /// <summary>
    /// Scores the candidates that pass the restriction and returns the best k, with how many candidates were
    /// scored. With a cap, only the first <paramref name="cap"/> candidates found are scored. Filter first: the
    /// filter's few papers are found first (by their own indexes) and their index rows looked up one by one, a
    /// plan the planner does not always see by itself.
    /// </summary>
    private async Task<(List<SearchHit> Hits, long Rows)> ScoreAsync(
        WeightedQuery query, Candidates candidates, CandidateRestriction restriction, int k, int? cap, CancellationToken cancellationToken,
        bool filterFirst = false)
    {
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = new StringBuilder();
        candidates.AppendTo(where, command.Parameters);
        string from;
        if (filterFirst)
        {
            var filter = new StringBuilder("TRUE");
            restriction.AppendPaperConditions(filter, command.Parameters);
            restriction.AppendTo(where, command.Parameters, paperConditions: false);
            from = $"(SELECT p.id FROM papers p WHERE {filter} OFFSET 0) p JOIN paper_search s ON s.paper_id = p.id";
        }
        else
        {
            restriction.AppendTo(where, command.Parameters);
            from = restriction.ReadsPapers ? "paper_search s JOIN papers p ON p.id = s.paper_id" : "paper_search s";
        }

        // Every candidate is scored (a materialised set of ids and distances), then the best k are kept: left to
        // itself, the planner may sort all rows by distance first, betting that ORDER BY … LIMIT stops early.
        var limit = cap is null ? "" : " LIMIT @cap";
        command.CommandText = $"""
            WITH scored AS MATERIALIZED (
                SELECT s.paper_id, s.weights <#> @query AS distance FROM {from} WHERE {where}{limit}
            )
            SELECT paper_id, -distance, (SELECT count(*) FROM scored)
            FROM scored ORDER BY distance, paper_id LIMIT @k
            """;
        command.Parameters.Add(new NpgsqlParameter { ParameterName = "query", Value = query.Vector });
        command.Parameters.Add(new NpgsqlParameter("k", NpgsqlDbType.Integer) { Value = k });
        if (cap is { } rows)
        {
            command.Parameters.Add(new NpgsqlParameter("cap", NpgsqlDbType.Integer) { Value = rows });
        }

        var hits = new List<SearchHit>(k);
        long scored = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetDouble(1)));
            scored = reader.GetInt64(2);
        }

        return (hits, scored);
    }

    /// <summary>Which papers a step scores: those holding any of some terms, or all the terms of one of some sets.</summary>
    private sealed class Candidates
    {
        private readonly int[][] _sets;
        private readonly bool _any;

        private Candidates(int[][] sets, bool any) => (_sets, _any) = (sets, any);

        public static Candidates AnyOf(IEnumerable<int> terms) => new([[.. terms]], any: true);

        public static Candidates AllOfOne(IEnumerable<int[]> sets) => new([.. sets], any: false);

        public void AppendTo(StringBuilder where, NpgsqlParameterCollection parameters)
        {
            if (_any)
            {
                where.Append("s.terms && @terms0");
            }
            else
            {
                where.Append('(').AppendJoin(" OR ", _sets.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"s.terms @> @terms{i}"))).Append(')');
            }

            for (var i = 0; i < _sets.Length; i++)
            {
                parameters.Add(new NpgsqlParameter(string.Create(CultureInfo.InvariantCulture, $"terms{i}"), NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = _sets[i] });
            }
        }
    }
}

/// <summary>How many candidate rows a ranked search may score (see <see cref="RankedSearch"/>).</summary>
/// <param name="FirstStep">Rows the seed may read, and the first batch of rarest terms; later batches double it.</param>
/// <param name="Total">Rows in all; past it the best found is returned, not proven exact.</param>
/// <param name="FilterFirst">A filter matching at most this many papers is scored whole.</param>
/// <param name="MaxCombinations">Most winning term combinations looked up in the last stage.</param>
public sealed record CandidateBudget(int FirstStep = 4_000, int Total = 12_000, int FilterFirst = 5_000, int MaxCombinations = 32)
{
    public static CandidateBudget Default { get; } = new();

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"first {FirstStep}, total {Total}, filter {FilterFirst}, combinations {MaxCombinations}");
}

/// <summary>A ranked search's best hits, and whether the max-score bound proved them the exact top k.</summary>
internal sealed record RankedResult(IReadOnlyList<SearchHit> Hits, bool Exact, long ScoredRows, int Steps);
