namespace PaperFeed.Data.Ingest;

/// <summary>
/// The SQL of one ingest batch: records are COPY'd into a temporary staging table, then merged into
/// <c>papers</c> by one UPDATE and one INSERT. Kept together so the merge rules read as SQL, in one place.
/// </summary>
internal static class PaperMergeSql
{
    /// <summary>Creates the staging table, and sets the lane's transaction to join it by index probes.</summary>
    public const string CreateStaging = """
        CREATE TEMP TABLE paper_staging (
            ord              integer NOT NULL,
            id               text NOT NULL,
            arxiv_id         text,
            arxiv_version    integer,
            title_key        text NOT NULL,
            title            text NOT NULL,
            title_is_derived boolean NOT NULL,
            abstract         text NOT NULL,
            authors          text[] NOT NULL,
            author_count     integer,
            published_at     timestamptz,
            date_precision   smallint NOT NULL,
            categories       text[] NOT NULL,
            upvotes          integer,
            url              text,
            pdf_url          text,
            source           text NOT NULL,
            content_hash     bytea NOT NULL
        ) WITH (toast_tuple_target = 8160) ON COMMIT DROP;
        -- Staged rows stay uncompressed, as in papers (migration PapersStayInline): a value compressed here would be
        -- stored compressed there, pglz having run on it all the same.
        -- The staging table is never analysed, so the planner guesses its size from its pages (about four times
        -- the batch) and hashes the whole papers table, twice, to join it: a scan of every stored paper per batch.
        -- Probing the primary key per staged paper costs the same at any table size.
        SET LOCAL enable_hashjoin = off;
        SET LOCAL enable_mergejoin = off
        """;

    public const string CopyIntoStaging = """
        COPY paper_staging (ord, id, arxiv_id, arxiv_version, title_key, title, title_is_derived, abstract, authors,
                            author_count, published_at, date_precision, categories, upvotes, url, pdf_url, source,
                            content_hash)
        FROM STDIN (FORMAT BINARY)
        """;

    // One record per paper: when a batch holds the same paper twice, the higher arXiv version, then a real
    // (not derived) title, then the larger upvote count, then the later record wins. Sorting the wide staging rows
    // costs the merge about as much as the UPDATE itself, so a batch whose ids are all distinct (nearly every batch)
    // takes the staging table as it is.
    private const string IncomingDistinct = """
        incoming AS (
            SELECT DISTINCT ON (id) *
            FROM paper_staging
            ORDER BY id, arxiv_version DESC NULLS LAST, title_is_derived, upvotes DESC NULLS LAST, ord DESC
        )
        """;

    private const string IncomingAsStaged = "incoming AS (SELECT * FROM paper_staging)";

    /// <summary>
    /// Updates existing papers where the incoming record adds something. Its text wins when it is a newer arXiv
    /// version or a real title replacing a derived one; otherwise it only fills what the row lacks. Upvotes only
    /// grow. Rows that would not change are not touched, so a re-ingest leaves <c>updated_at</c> alone. Returns the
    /// number of papers updated. <paramref name="idsAreDistinct"/>: no id occurs twice in the staging table.
    /// </summary>
    public static string UpdateExisting(bool idsAreDistinct) => $"""
        WITH {(idsAreDistinct ? IncomingAsStaged : IncomingDistinct)},
        merged AS (
            SELECT i.id, i.content_hash,
                   w.wins AND (p.title, p.abstract) IS DISTINCT FROM (i.title, i.abstract) AS text_changed,
                   CASE WHEN w.wins THEN i.arxiv_id ELSE coalesce(p.arxiv_id, i.arxiv_id) END AS arxiv_id,
                   greatest(p.arxiv_version, i.arxiv_version) AS arxiv_version,
                   CASE WHEN w.wins THEN i.title ELSE p.title END AS title,
                   CASE WHEN w.wins THEN i.title_is_derived ELSE p.title_is_derived END AS title_is_derived,
                   CASE WHEN w.wins THEN i.abstract ELSE p.abstract END AS abstract,
                   CASE WHEN cardinality(i.authors) > 0 AND (w.wins OR cardinality(p.authors) = 0)
                        THEN i.authors ELSE p.authors END AS authors,
                   CASE WHEN w.wins THEN coalesce(i.author_count, p.author_count)
                        ELSE coalesce(p.author_count, i.author_count) END AS author_count,
                   CASE WHEN p.published_at IS NULL OR (i.published_at IS NOT NULL AND i.date_precision < p.date_precision)
                        THEN i.published_at ELSE p.published_at END AS published_at,
                   CASE WHEN p.published_at IS NULL OR (i.published_at IS NOT NULL AND i.date_precision < p.date_precision)
                        THEN i.date_precision ELSE p.date_precision END AS date_precision,
                   CASE WHEN cardinality(i.categories) > 0 AND (w.wins OR cardinality(p.categories) = 0)
                        THEN i.categories ELSE p.categories END AS categories,
                   greatest(p.upvotes, coalesce(i.upvotes, 0)) AS upvotes,
                   coalesce(p.url, i.url) AS url,
                   coalesce(p.pdf_url, i.pdf_url) AS pdf_url
            FROM incoming i
            JOIN papers p ON p.id = i.id
            CROSS JOIN LATERAL (
                SELECT coalesce(i.arxiv_version, 0) > coalesce(p.arxiv_version, 0)
                       OR (p.title_is_derived AND NOT i.title_is_derived) AS wins
            ) w
            WHERE p.content_hash <> i.content_hash
        ),
        updated AS (
        UPDATE papers p
        SET arxiv_id = m.arxiv_id, arxiv_version = m.arxiv_version, title = m.title,
            title_is_derived = m.title_is_derived, abstract = m.abstract, authors = m.authors,
            author_count = m.author_count, published_at = m.published_at, date_precision = m.date_precision,
            categories = m.categories, upvotes = m.upvotes, url = m.url, pdf_url = m.pdf_url,
            content_hash = m.content_hash, updated_at = now()
        FROM merged m
        WHERE p.id = m.id
          AND (p.arxiv_id, p.arxiv_version, p.title, p.title_is_derived, p.abstract, p.authors, p.author_count,
               p.published_at, p.date_precision, p.categories, p.upvotes, p.url, p.pdf_url)
              IS DISTINCT FROM
              (m.arxiv_id, m.arxiv_version, m.title, m.title_is_derived, m.abstract, m.authors, m.author_count,
               m.published_at, m.date_precision, m.categories, m.upvotes, m.url, m.pdf_url)
        RETURNING p.id, m.text_changed
        ),
        -- Changed text is queued for SearchIndexRefresher (the old text stays searchable until then).
        queued AS (
            INSERT INTO paper_search_pending (paper_id) SELECT id FROM updated WHERE text_changed
            ON CONFLICT DO NOTHING
        )
        SELECT count(*) FROM updated
        """;

    /// <summary>Inserts the papers not stored yet and queues them for the search index; returns how many.</summary>
    public static string InsertNew(bool idsAreDistinct) => $"""
        WITH {(idsAreDistinct ? IncomingAsStaged : IncomingDistinct)},
        inserted AS (
        INSERT INTO papers (id, arxiv_id, arxiv_version, title_key, title, title_is_derived, abstract, authors,
                            author_count, published_at, date_precision, categories, upvotes, url, pdf_url, source,
                            content_hash)
        SELECT id, arxiv_id, arxiv_version, title_key, title, title_is_derived, abstract, authors,
               author_count, published_at, date_precision, categories, coalesce(upvotes, 0), url, pdf_url, source,
               content_hash
        FROM incoming i
        WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = i.id)
        ON CONFLICT DO NOTHING
        RETURNING id
        ),
        queued AS (
            INSERT INTO paper_search_pending (paper_id) SELECT id FROM inserted ON CONFLICT DO NOTHING
        )
        SELECT count(*) FROM inserted
        """;
}
