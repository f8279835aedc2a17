using Npgsql;
using PaperFeed.Core.Search;
using Pgvector;

namespace PaperFeed.Data.Search.Lexical;

/// <summary>A query term as BM25 weighs it: its document frequency now, and the idf that follows.</summary>
internal readonly record struct WeightedTerm(int Id, long DocumentFrequency, double Idf);

/// <summary>The query side of BM25: the query's terms found in the corpus, rarest first, and its idf vector.</summary>
internal sealed class WeightedQuery
{
    private WeightedQuery(List<WeightedTerm> terms, long documentCount)
    {
        Terms = terms;
        DocumentCount = documentCount;
        var sorted = terms.OrderBy(t => t.Id).ToList();
        Vector = new SparseVector(
            SearchTermId.Dimensions, sorted.Select(t => t.Id).ToArray(), sorted.Select(t => (float)t.Idf).ToArray());
    }

    /// <summary>Terms that occur in at least one paper, rarest (most selective, highest idf) first.</summary>
    public IReadOnlyList<WeightedTerm> Terms { get; }

    public long DocumentCount { get; }

    /// <summary>idf per term id: a paper's BM25 score is the inner product of its weights with this.</summary>
    public SparseVector Vector { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>The same query restricted to some of its terms.</summary>
    public WeightedQuery Only(IEnumerable<int> termIds)
    {
        var kept = termIds.ToHashSet();
        return new WeightedQuery(Terms.Where(t => kept.Contains(t.Id)).ToList(), DocumentCount);
    }

    /// <summary>
    /// Looks up the terms' document frequencies; terms no paper contains are left out (they match nothing), and of
    /// a very long query only the <paramref name="maxTerms"/> rarest are kept.
    /// </summary>
    public static async Task<WeightedQuery> LoadAsync(
        NpgsqlConnection connection, IReadOnlyCollection<int> termIds, int maxTerms, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("SELECT document_count FROM search_statistics WHERE id = 1"),
                new("SELECT term_id, document_frequency FROM search_terms WHERE term_id = ANY($1) AND document_frequency > 0")
                {
                    Parameters = { new() { Value = termIds.Distinct().ToArray() } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var documentCount = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : 0;
        await reader.NextResultAsync(cancellationToken);
        var terms = new List<WeightedTerm>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var frequency = reader.GetInt32(1);
            terms.Add(new WeightedTerm(reader.GetInt32(0), frequency, Bm25.Idf(documentCount, frequency)));
        }

        terms.Sort((a, b) => a.DocumentFrequency != b.DocumentFrequency
            ? a.DocumentFrequency.CompareTo(b.DocumentFrequency)
            : a.Id.CompareTo(b.Id));
        if (terms.Count > maxTerms)
        {
            terms.RemoveRange(maxTerms, terms.Count - maxTerms);
        }

        return new WeightedQuery(terms, documentCount);
    }
}
