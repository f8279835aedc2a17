using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using PaperFeed.Core.Search;

namespace PaperFeed.Data.Search.Lexical;

/// <summary>
/// Papers a query names outright, which go before every ranked hit: by arXiv id, by exact title (after
/// normalisation, through the <c>title_key</c> index), and papers containing every quoted phrase.
/// </summary>
internal sealed class PinnedHits(NpgsqlConnection connection)
{
    /// <summary>Phrase candidates verified per pinned hit wanted: the phrase's terms may be present but apart.</summary>
    private const int PhraseCandidatesPerHit = 3;

    /// <summary>Pinned paper ids, in order: arXiv ids first, then the exact title, then the best phrase matches.</summary>
    public async Task<List<string>> FindAsync(
        SearchQuery query, WeightedQuery weighted, SearchFilter filter, int limit, CandidateBudget budget, CancellationToken cancellationToken)
    {
        var pinned = new List<string>();
        if (query.ArxivIds.Count > 0)
        {
            pinned.AddRange(await PapersAsync("p.arxiv_id = ANY(@ids)", "ids", query.ArxivIds.ToArray(), filter, limit, cancellationToken));
        }

        // A title key is the normalised title, then " | " and the first author's surname when there is one
        // (PaperIdentity.TitleKeyFor): both forms are prefix matches on the text_pattern_ops index.
        if (query.TitleKey.Length > 0)
        {
            var keys = new[] { query.TitleKey, query.TitleKey + " | %" };
            pinned.AddRange(await PapersAsync("(p.title_key = @keys[1] OR p.title_key LIKE @keys[2])", "keys", keys, filter, limit, cancellationToken));
        }

        if (query.Phrases.Count > 0)
        {
            pinned.AddRange(await PhraseMatchesAsync(query, weighted, filter, limit, budget, cancellationToken));
        }

        return pinned.Distinct(StringComparer.Ordinal).Take(limit).ToList();
    }

    private async Task<List<string>> PapersAsync(
        string condition, string name, string[] values, SearchFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = new StringBuilder(condition);
        new CandidateRestriction(filter).AppendPaperConditions(where, command.Parameters);
        command.CommandText = $"SELECT p.id FROM papers p WHERE {where} ORDER BY p.published_at DESC NULLS LAST, p.id LIMIT @limit";
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        return await ReadIdsAsync(command, cancellationToken);
    }

    /// <summary>
    /// The best-ranked papers that contain every phrase's terms (the GIN index finds them), kept when PostgreSQL's
    /// phrase search confirms each phrase in their title and abstract, words in order.
    /// </summary>
    private async Task<List<string>> PhraseMatchesAsync(
        SearchQuery query, WeightedQuery weighted, SearchFilter filter, int limit, CandidateBudget budget, CancellationToken cancellationToken)
    {
        var known = weighted.Terms.Select(t => t.Id).ToHashSet();
        var required = query.Phrases.SelectMany(p => p.TermIds).Distinct().ToArray();
        if (!required.All(known.Contains))
        {
            return []; // a phrase word no paper contains: no paper contains the phrase
        }

        var ranked = await new RankedSearch(connection, budget).TopAsync(
            weighted, new CandidateRestriction(filter, RequiredTerms: required), limit * PhraseCandidatesPerHit, cancellationToken);
        if (ranked.Hits.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand { Connection = connection };
        var where = new StringBuilder("p.id = ANY(@ids)");
        for (var i = 0; i < query.Phrases.Count; i++)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND to_tsvector('english', left(p.title, 4096) || ' ' || left(p.abstract, 65536)) @@ phraseto_tsquery('english', @phrase{i})");
            command.Parameters.Add(new NpgsqlParameter(string.Create(CultureInfo.InvariantCulture, $"phrase{i}"), NpgsqlDbType.Text) { Value = query.Phrases[i].Text });
        }

        command.CommandText = $"SELECT p.id FROM papers p WHERE {where}";
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ranked.Hits.Select(h => h.PaperId).ToArray() });
        var confirmed = (await ReadIdsAsync(command, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return ranked.Hits.Where(h => confirmed.Contains(h.PaperId)).Select(h => h.PaperId).Take(limit).ToList();
    }

    private static async Task<List<string>> ReadIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
