using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaperFeed.Data.Migrations
{
    /// <summary>
    /// Splits <c>paper_search</c> into two hash partitions by paper id, so that a bulk rebuild builds their GIN
    /// indexes on two connections at once: PostgreSQL 15 builds one GIN index on one core (about 55 s of the 1M
    /// rebuild, the other core idle). Queries, the upsert and the delete trigger keep naming the parent. The SQL is
    /// spelled out here rather than taken from <see cref="Search.SearchIndexSql"/>: a migration must not change when
    /// the code does.
    /// </summary>
    public partial class PartitionedSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER paper_search_deleted ON paper_search;
                ALTER TABLE paper_search RENAME TO paper_search_unpartitioned;
                ALTER TABLE paper_search_unpartitioned RENAME CONSTRAINT pk_paper_search TO pk_paper_search_unpartitioned;
                ALTER TABLE paper_search_unpartitioned RENAME CONSTRAINT fk_paper_search_papers_paper_id TO fk_paper_search_unpartitioned;
                ALTER INDEX IF EXISTS ix_paper_search_terms RENAME TO ix_paper_search_unpartitioned_terms;

                CREATE TABLE paper_search (
                    paper_id        varchar(64) NOT NULL,
                    abstract_length integer NOT NULL DEFAULT 0,
                    terms           integer[] NOT NULL,
                    title_length    integer NOT NULL DEFAULT 0,
                    weights         sparsevec NOT NULL,
                    CONSTRAINT pk_paper_search PRIMARY KEY (paper_id),
                    CONSTRAINT fk_paper_search_papers_paper_id FOREIGN KEY (paper_id) REFERENCES papers (id) ON DELETE CASCADE
                ) PARTITION BY HASH (paper_id);
                CREATE TABLE paper_search_p0 PARTITION OF paper_search FOR VALUES WITH (MODULUS 2, REMAINDER 0);
                CREATE TABLE paper_search_p1 PARTITION OF paper_search FOR VALUES WITH (MODULUS 2, REMAINDER 1);

                INSERT INTO paper_search (paper_id, abstract_length, terms, title_length, weights)
                SELECT paper_id, abstract_length, terms, title_length, weights FROM paper_search_unpartitioned;

                -- A missing index means a bulk rebuild crashed: the next refresh recounts the statistics and builds
                -- it (SearchIndexRefresher), so it stays missing.
                DO $$
                BEGIN
                    IF to_regclass('ix_paper_search_unpartitioned_terms') IS NOT NULL THEN
                        SET LOCAL maintenance_work_mem = '1GB';
                        CREATE INDEX ix_paper_search_p0_terms ON paper_search_p0 USING gin (terms);
                        CREATE INDEX ix_paper_search_p1_terms ON paper_search_p1 USING gin (terms);
                        CREATE INDEX ix_paper_search_terms ON paper_search USING gin (terms);
                    END IF;
                END
                $$;
                DROP TABLE paper_search_unpartitioned;

                CREATE TRIGGER paper_search_deleted AFTER DELETE ON paper_search
                REFERENCING OLD TABLE AS deleted
                FOR EACH STATEMENT EXECUTE FUNCTION paper_search_forget_deleted();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER paper_search_deleted ON paper_search;
                ALTER TABLE paper_search RENAME TO paper_search_partitioned;
                ALTER TABLE paper_search_partitioned RENAME CONSTRAINT pk_paper_search TO pk_paper_search_partitioned;
                ALTER TABLE paper_search_partitioned RENAME CONSTRAINT fk_paper_search_papers_paper_id TO fk_paper_search_partitioned;
                ALTER INDEX IF EXISTS ix_paper_search_terms RENAME TO ix_paper_search_partitioned_terms;

                CREATE TABLE paper_search (
                    paper_id        varchar(64) NOT NULL,
                    abstract_length integer NOT NULL DEFAULT 0,
                    terms           integer[] NOT NULL,
                    title_length    integer NOT NULL DEFAULT 0,
                    weights         sparsevec NOT NULL,
                    CONSTRAINT pk_paper_search PRIMARY KEY (paper_id),
                    CONSTRAINT fk_paper_search_papers_paper_id FOREIGN KEY (paper_id) REFERENCES papers (id) ON DELETE CASCADE
                );
                INSERT INTO paper_search (paper_id, abstract_length, terms, title_length, weights)
                SELECT paper_id, abstract_length, terms, title_length, weights FROM paper_search_partitioned;
                DO $$
                BEGIN
                    IF to_regclass('ix_paper_search_partitioned_terms') IS NOT NULL THEN
                        SET LOCAL maintenance_work_mem = '1GB';
                        CREATE INDEX ix_paper_search_terms ON paper_search USING gin (terms);
                    END IF;
                END
                $$;
                DROP TABLE paper_search_partitioned;

                CREATE TRIGGER paper_search_deleted AFTER DELETE ON paper_search
                REFERENCING OLD TABLE AS deleted
                FOR EACH STATEMENT EXECUTE FUNCTION paper_search_forget_deleted();
                """);
        }
    }
}
