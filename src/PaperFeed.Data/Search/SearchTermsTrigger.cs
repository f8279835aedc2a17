namespace PaperFeed.Data.Search;

/// <summary>
/// Keeps document frequencies and corpus statistics right when index rows are deleted, however they are deleted:
/// directly, or by cascade when their paper is deleted (by EF, by SQL, by hand in psql). A statement-level trigger
/// sees all the statement's rows at once (its transition table), so a bulk delete costs one update per distinct
/// term, not one per paper and term. <c>TRUNCATE paper_search</c> fires no trigger: reset <c>search_terms</c> and
/// <c>search_statistics</c> with it. Re-indexing updates rows in place and never fires it.
/// </summary>
internal static class SearchTermsTrigger
{
    // The statistics row first, as the indexer does: every writer of search_terms takes it before any term, so
    // they wait for each other instead of deadlocking over terms.
    public const string Create = """
        CREATE FUNCTION paper_search_forget_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE search_statistics s
            SET document_count = s.document_count - d.papers,
                title_length_sum = s.title_length_sum - d.title_lengths,
                abstract_length_sum = s.abstract_length_sum - d.abstract_lengths
            FROM (SELECT count(*) AS papers, coalesce(sum(title_length), 0) AS title_lengths,
                         coalesce(sum(abstract_length), 0) AS abstract_lengths
                  FROM deleted) d
            WHERE s.id = 1 AND d.papers > 0;

            UPDATE search_terms t
            SET document_frequency = t.document_frequency - g.papers
            FROM (SELECT term_id, count(*) AS papers FROM deleted, unnest(deleted.terms) AS term_id GROUP BY term_id) g
            WHERE t.term_id = g.term_id;
            RETURN NULL;
        END
        $$;

        CREATE TRIGGER paper_search_deleted AFTER DELETE ON paper_search
        REFERENCING OLD TABLE AS deleted
        FOR EACH STATEMENT EXECUTE FUNCTION paper_search_forget_deleted();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS paper_search_deleted ON paper_search;
        DROP FUNCTION IF EXISTS paper_search_forget_deleted();
        """;
}
