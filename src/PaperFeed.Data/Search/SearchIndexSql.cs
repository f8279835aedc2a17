namespace PaperFeed.Data.Search;

/// <summary>
/// The SQL of the lexical indexer (<see cref="SearchIndexRefresher"/>, <see cref="SearchIndexChunk"/>), in one
/// place so that the rules read as SQL.
/// </summary>
internal static class SearchIndexSql
{
    /// <summary>
    /// Takes up to $1 papers off the queue, skipping those another worker holds, with their text and what the index
    /// holds for them now (null for a paper never indexed, whose paper row may also be gone: its queue entry is
    /// simply dropped). The queue rows stay locked until the chunk commits, so a crash leaves them queued.
    /// </summary>
    public const string TakeChunk = """
        WITH taken AS (
            DELETE FROM paper_search_pending q
            WHERE q.paper_id IN (SELECT paper_id FROM paper_search_pending LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING q.paper_id
        )
        SELECT t.paper_id, p.id IS NOT NULL, left(p.title, 4096), left(p.abstract, 65536),
               s.terms, s.title_length, s.abstract_length
        FROM taken t
        LEFT JOIN papers p ON p.id = t.paper_id
        LEFT JOIN paper_search s ON s.paper_id = t.paper_id
        """;

    public const string CreateStaging = """
        CREATE TEMP TABLE search_staging (
            paper_id        text NOT NULL,
            terms           integer[] NOT NULL,
            weights         sparsevec NOT NULL,
            title_length    integer NOT NULL,
            abstract_length integer NOT NULL
        ) ON COMMIT DROP
        """;

    public const string CopyIntoStaging =
        "COPY search_staging (paper_id, terms, weights, title_length, abstract_length) FROM STDIN (FORMAT BINARY)";

    public const string UpsertDocuments = """
        INSERT INTO paper_search (paper_id, terms, weights, title_length, abstract_length)
        SELECT paper_id, terms, weights, title_length, abstract_length FROM search_staging
        ON CONFLICT (paper_id) DO UPDATE
        SET terms = excluded.terms, weights = excluded.weights,
            title_length = excluded.title_length, abstract_length = excluded.abstract_length
        """;

    /// <summary>
    /// The statistics row is locked before any document frequency ($1 papers added, $2 and $3 length deltas):
    /// every writer of <c>search_terms</c> (this indexer, the delete trigger) takes it first, so they queue on it
    /// instead of deadlocking over terms.
    /// </summary>
    public const string ApplyStatisticsDelta = """
        UPDATE search_statistics
        SET document_count = document_count + $1,
            title_length_sum = title_length_sum + $2,
            abstract_length_sum = abstract_length_sum + $3
        WHERE id = 1
        """;

    /// <summary>Adds the document-frequency deltas ($1 term ids, $2 deltas), in term order.</summary>
    public const string ApplyTermDeltas = """
        INSERT INTO search_terms (term_id, document_frequency)
        SELECT term_id, delta FROM unnest($1::integer[], $2::integer[]) AS d (term_id, delta) ORDER BY term_id
        ON CONFLICT (term_id) DO UPDATE SET document_frequency = search_terms.document_frequency + excluded.document_frequency
        """;

    /// <summary>
    /// Read without a lock: a refresh that finds nothing to re-weigh then writes nothing (and commits nothing to
    /// disk). Two refreshes that both decide to re-weigh set the same averages and queue the same papers.
    /// </summary>
    public const string ReadStatistics = """
        SELECT document_count, title_length_sum, abstract_length_sum, weighted_title_average,
               weighted_abstract_average, weighted_with
        FROM search_statistics WHERE id = 1
        """;

    /// <summary>The queue length, and the planner's estimate of the papers (exact enough to tell a bulk load, free at any size).</summary>
    public const string CountPending = """
        SELECT (SELECT count(*) FROM paper_search_pending),
               (SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'papers'::regclass)
        """;

    /// <summary>
    /// A sample ($1 papers) of the queue's text, to foresee the lengths it will add. Spread by a hash of the id
    /// rather than at random: the same queue always gives the same sample, so the same data gives the same index.
    /// </summary>
    public const string SamplePending = """
        SELECT left(p.title, 4096), left(p.abstract, 65536)
        FROM (SELECT paper_id FROM paper_search_pending ORDER BY hashtext(paper_id), paper_id LIMIT $1) q
        JOIN papers p ON p.id = q.paper_id
        """;

    public const string SetWeighting = """
        UPDATE search_statistics
        SET weighted_title_average = $1, weighted_abstract_average = $2, weighted_with = $3
        WHERE id = 1
        """;

    public const string QueueEveryIndexedPaper =
        "INSERT INTO paper_search_pending (paper_id) SELECT paper_id FROM paper_search ON CONFLICT DO NOTHING";

    /// <summary>
    /// The statistics and document frequencies counted again from the index rows (after a bulk rebuild crashed with
    /// its sums unwritten), in one transaction. Writes to <c>paper_search</c> wait meanwhile, as for a CREATE INDEX;
    /// the statistics row is locked first, as by every writer of <c>search_terms</c>.
    /// </summary>
    public const string RecountStatistics = """
        LOCK TABLE paper_search IN SHARE MODE;
        UPDATE search_statistics s
        SET document_count = c.papers, title_length_sum = c.title_lengths, abstract_length_sum = c.abstract_lengths
        FROM (SELECT count(*) AS papers, coalesce(sum(title_length), 0) AS title_lengths,
                     coalesce(sum(abstract_length), 0) AS abstract_lengths
              FROM paper_search) c
        WHERE s.id = 1;
        DELETE FROM search_terms;
        INSERT INTO search_terms (term_id, document_frequency)
        SELECT term_id, count(*) FROM paper_search, unnest(terms) AS term_id GROUP BY term_id;
        """;

    /// <summary>
    /// The hash partitions of <c>paper_search</c> (migration PartitionedSearchIndex). Each has its own GIN index,
    /// which the parent's index only gathers: PostgreSQL 15 builds a GIN index on one core, so a bulk rebuild builds
    /// the partitions' indexes on a connection each, at once.
    /// </summary>
    public static readonly IReadOnlyList<string> Partitions = ["paper_search_p0", "paper_search_p1"];

    /// <summary>The parent's index first (it takes its partitions' with it), then any a crashed build left unattached.</summary>
    public static readonly string DropTermsIndex = string.Join("; ",
        [$"DROP INDEX IF EXISTS {SearchIndexRefresher.TermsIndexName}", .. Partitions.Select(p => $"DROP INDEX IF EXISTS {PartitionTermsIndexName(p)}")]);

    /// <summary>A GIN build sorts its entries in maintenance_work_mem: the default 64 MB makes it spill and merge.</summary>
    public static string CreatePartitionTermsIndex(string partition) =>
        $"SET maintenance_work_mem = '1GB'; CREATE INDEX IF NOT EXISTS {PartitionTermsIndexName(partition)} ON {partition} USING gin (terms)";

    /// <summary>Once every partition has its index, the parent's is built at once: PostgreSQL attaches theirs.</summary>
    public const string CreateTermsIndex =
        $"CREATE INDEX IF NOT EXISTS {SearchIndexRefresher.TermsIndexName} ON paper_search USING gin (terms)";

    /// <summary>
    /// True when the planner's row count of the parent is missing or more than a tenth off the indexed papers.
    /// Autovacuum analyses the partitions but never a partitioned parent, and without the parent's statistics the
    /// planner misjudges every join with it (lexical search p95 ten times slower at 37k papers).
    /// </summary>
    public const string ParentStatisticsStale = """
        SELECT c.reltuples < 0 OR abs(s.document_count - c.reltuples) > 50 + 0.1 * c.reltuples
        FROM pg_class c, search_statistics s WHERE c.oid = 'paper_search'::regclass AND s.id = 1
        """;

    public const string AnalyzeParent = "ANALYZE paper_search";

    private static string PartitionTermsIndexName(string partition) => $"ix_{partition}_terms";
}
