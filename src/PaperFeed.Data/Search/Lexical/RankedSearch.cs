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
/// A paper's score is Σ idf(t) · w(paper, t) over the query terms, and every stored weight w is below 1. So a paper
/// that contains none of a set of terms scores below the sum of the other terms' idf: the max-score bound. Terms are
/// taken rarest first (their papers are few and their idf high): the papers containing them are found by the GIN
/// index (<c>terms &amp;&amp; ARRAY[…]</c>) and scored exactly by the sparse inner product in PostgreSQL, a step at a
/// time with a growing allowance of candidate rows. As soon as the k-th best score found is at least the bound of
/// the terms not taken yet, no other paper can enter the top k and it is exact.
/// </para>
/// <para>
/// When every term is common (the rarest alone exceeds the first step's allowance) the search first scores the
/// papers that contain several of the rarest terms together (<c>@&gt;</c>, their intersection, small), which finds
/// the papers matching most of the query and sets a high bar at once. When the candidate budget runs out before the
/// bound is met, the best papers found are returned as they are (<see cref="RankedResult.Exact"/> false): a query made
/// only of words found in most papers has no small exact answer.
/// </para>
/// <para>
/// A selective filter (few papers in the date range or category) is served the other way round: every paper that
/// passes it and contains a query term is scored, which is exact and cheap.
/// </para>
/// </remarks>
internal sealed class RankedSearch(NpgsqlConnection connection, CandidateBudget budget)
{
    public async Task<RankedResult> TopAsync(WeightedQuery query, CandidateRestriction restriction, int k, CancellationToken cancellationToken)
    {
        if (query.IsEmpty || k <= 0)
        {
            return new RankedResult([], Exact: true, ScoredRows: 0, Steps: 0);
        }

        var allTerms = query.Terms.Select(t => t.Id).ToArray();
        if (restriction.ReadsPapers && await FilterIsSelectiveAsync(restriction, cancellationToken))
        {
            var hits = await ScoreAsync(query, "s.terms && @terms", allTerms, restriction, k, cap: null, cancellationToken);
            return new RankedResult(hits, Exact: true, ScoredRows: hits.Count, Steps: 1);
        }

        return await TermDrivenAsync(query, restriction, k, cancellationToken);
    }

    private async Task<RankedResult> TermDrivenAsync(WeightedQuery query, CandidateRestriction restriction, int k, CancellationToken cancellationToken)
    {
        var terms = query.Terms;
        var top = new TopHits(k);
        var steps = 0;
        long spent = 0;
        var boundOfRest = terms.Sum(t => t.Idf);

        if (terms[0].DocumentFrequency > budget.FirstStep)
        {
            var together = TermsTogether(query);
            top.Add(await ScoreAsync(query, "s.terms @> @terms", together, restriction, k, cap: budget.FirstStep, cancellationToken));
            steps++;
            spent += budget.FirstStep;
        }

        var taken = 0;
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

            if (spent + rows > budget.Total && steps > 0)
            {
                break;
            }

            var batch = terms.Skip(taken).Take(next - taken).Select(t => t.Id).ToArray();
            top.Add(await ScoreAsync(query, "s.terms && @terms", batch, restriction, k, cap: null, cancellationToken));
            steps++;
            spent += rows;
            boundOfRest -= terms.Skip(taken).Take(next - taken).Sum(t => t.Idf);
            taken = next;
        }

        var exact = taken == terms.Count || (top.IsFull && top.Threshold >= boundOfRest);
        return new RankedResult(top.Best(), exact, spent, steps);
    }

    /// <summary>
    /// The fewest rarest terms (at least two) whose papers in common are, assuming independence, within the first
    /// step's allowance: N · Π df/N. All of them when no prefix is small enough.
    /// </summary>
    private int[] TermsTogether(WeightedQuery query)
    {
        var terms = query.Terms;
        double expected = Math.Max(1, query.DocumentCount);
        var count = 0;
        while (count < terms.Count)
        {
            expected *= (double)terms[count].DocumentFrequency / Math.Max(1, query.DocumentCount);
            count++;
            if (count >= 2 && expected <= budget.FirstStep)
            {
                break;
            }
        }

        return terms.Take(count).Select(t => t.Id).ToArray();
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
    /// Scores the papers that satisfy <paramref name="candidates"/> (on <c>@terms</c>) and the restriction, and
    /// returns the best k. With a cap, only the first <paramref name="cap"/> candidates found are scored.
    /// </summary>
    private async Task<List<SearchHit>> ScoreAsync(
        WeightedQuery query, string candidates, int[] termIds, CandidateRestriction restriction, int k, int? cap,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = new StringBuilder(candidates);
        restriction.AppendTo(where, command.Parameters);
        var from = restriction.ReadsPapers ? "paper_search s JOIN papers p ON p.id = s.paper_id" : "paper_search s";
        command.CommandText = cap is null
            ? $"""
               SELECT s.paper_id, -(s.weights <#> @query) FROM {from} WHERE {where}
               ORDER BY s.weights <#> @query, s.paper_id LIMIT @k
               """
            : $"""
               SELECT c.paper_id, -(c.weights <#> @query)
               FROM (SELECT s.paper_id, s.weights FROM {from} WHERE {where} LIMIT @cap) c
               ORDER BY c.weights <#> @query, c.paper_id LIMIT @k
               """;
        command.Parameters.Add(new NpgsqlParameter("terms", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = termIds });
        command.Parameters.Add(new NpgsqlParameter { ParameterName = "query", Value = query.Vector });
        command.Parameters.Add(new NpgsqlParameter("k", NpgsqlDbType.Integer) { Value = k });
        if (cap is { } limit)
        {
            command.Parameters.Add(new NpgsqlParameter("cap", NpgsqlDbType.Integer) { Value = limit });
        }

        var hits = new List<SearchHit>(k);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetDouble(1)));
        }

        return hits;
    }
}

/// <summary>How many candidate rows a ranked search may score (see <see cref="RankedSearch"/>).</summary>
/// <param name="FirstStep">Rows the first step (the rarest terms) may read; later steps double it.</param>
/// <param name="Total">Rows in all; past it the best found is returned, not proven exact.</param>
/// <param name="FilterFirst">A filter matching at most this many papers is scored whole.</param>
public sealed record CandidateBudget(int FirstStep = 4_000, int Total = 40_000, int FilterFirst = 20_000)
{
    public static CandidateBudget Default { get; } = new();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"first {FirstStep}, total {Total}, filter {FilterFirst}");
}

/// <summary>A ranked search's best hits, and whether the max-score bound proved them the exact top k.</summary>
internal sealed record RankedResult(IReadOnlyList<SearchHit> Hits, bool Exact, long ScoredRows, int Steps);
