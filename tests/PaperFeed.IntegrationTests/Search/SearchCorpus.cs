using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using PaperFeed.Data.Search;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>A made-up arXiv paper for search tests, stored through the real ingest pipeline (snapshot format).</summary>
public sealed record TestPaper(
    string Id, string Title, string Abstract, string Categories = "cs.CL", DateOnly? Published = null, int Version = 1)
{
    public string PaperId => Id.Replace('/', '_');

    /// <summary>One line of the Kaggle arXiv snapshot schema; every version created on <see cref="Published"/>.</summary>
    public string ToSnapshotLine()
    {
        var day = Published ?? new DateOnly(2025, 1, 6);
        var created = day.ToString("'Mon, 'd MMM yyyy' 00:00:00 GMT'", CultureInfo.InvariantCulture);
        var versions = new JsonArray();
        for (var v = 1; v <= Version; v++)
        {
            versions.Add(new JsonObject { ["version"] = $"v{v}", ["created"] = created });
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["submitter"] = "Ada Lovelace",
            ["authors"] = "Ada Lovelace",
            ["title"] = Title,
            ["categories"] = Categories,
            ["abstract"] = Abstract,
            ["versions"] = versions,
            ["update_date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["authors_parsed"] = new JsonArray(new JsonArray("Lovelace", "Ada", "")),
        }.ToJsonString();
    }
}

/// <summary>Stores test papers and checks the lexical index against what its rows say.</summary>
public static class SearchCorpus
{
    /// <summary>Ingests the papers as one snapshot file (the ingest ends with the index refreshed).</summary>
    public static async Task IngestAsync(TestDatabase database, IEnumerable<TestPaper> papers, CancellationToken cancellationToken)
    {
        var text = string.Join('\n', papers.Select(p => p.ToSnapshotLine())) + "\n";
        var outcome = await Ingestion.CreateIngester(database).IngestTextAsync(text, $"test-{Guid.NewGuid():N}.jsonl", cancellationToken);
        Assert.Null(outcome.Error);
    }

    /// <summary>Stores the papers without indexing them (no refresh): they stay queued for the refresher under test.</summary>
    public static async Task StoreAsync(TestDatabase database, IEnumerable<TestPaper> papers, CancellationToken cancellationToken)
    {
        var text = string.Join('\n', papers.Select(p => p.ToSnapshotLine())) + "\n";
        var ingester = Ingestion.CreateIngester(database);
        var run = await ingester.StartRunAsync("test.jsonl", format: null, cancellationToken);
        await ingester.WriteAsync(run, new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.jsonl", cancellationToken);
    }

    /// <summary>
    /// The index agrees with its own rows: every paper has a row and none waits, each term's document frequency
    /// is the number of rows that contain it, and the statistics are the rows' count and length sums.
    /// </summary>
    public static async Task AssertConsistentAsync(TestDatabase database)
    {
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM paper_search_pending"));
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM papers p WHERE NOT EXISTS (SELECT 1 FROM paper_search s WHERE s.paper_id = p.id)"));
        await AssertFrequenciesMatchRowsAsync(database);
    }

    /// <summary>Document frequencies and statistics equal what the stored rows say (whatever is still queued).</summary>
    public static async Task AssertFrequenciesMatchRowsAsync(TestDatabase database)
    {
        Assert.Equal(0L, await database.ScalarAsync<long>("""
            WITH counted AS (SELECT t AS term_id, count(*)::int AS df FROM paper_search, unnest(terms) t GROUP BY t),
                 stored AS (SELECT term_id, document_frequency AS df FROM search_terms WHERE document_frequency <> 0)
            SELECT count(*) FROM ((TABLE counted EXCEPT TABLE stored) UNION ALL (TABLE stored EXCEPT TABLE counted)) d
            """));
        Assert.True(await database.ScalarAsync<bool>("""
            SELECT (s.document_count, s.title_length_sum, s.abstract_length_sum)
                   = (SELECT count(*), coalesce(sum(title_length), 0), coalesce(sum(abstract_length), 0) FROM paper_search)
            FROM search_statistics s
            """), "search_statistics disagrees with paper_search");
    }

    public static Task<int> DocumentFrequencyAsync(TestDatabase database, string stem) =>
        database.ScalarAsync<int>(string.Create(
            CultureInfo.InvariantCulture,
            $"SELECT coalesce((SELECT document_frequency FROM search_terms WHERE term_id = {Core.Search.SearchTermId.For(stem)}), 0)"));

    /// <summary>A digest of every index row: equal digests mean identical indexes.</summary>
    public static Task<string> IndexDigestAsync(TestDatabase database) =>
        database.ScalarAsync<string>(
            "SELECT md5(string_agg(row(paper_id, terms, weights::text, title_length, abstract_length)::text, E'\\n' ORDER BY paper_id)) FROM paper_search");

    public static SearchIndexRefresher Refresher(TestDatabase database, Core.Search.Bm25Options? options = null) =>
        new(database.DataSource, options);

    public static async Task<NpgsqlConnection> OpenAsync(TestDatabase database) => await database.DataSource.OpenConnectionAsync();
}
