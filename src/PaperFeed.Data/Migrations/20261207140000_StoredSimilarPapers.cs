using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaperFeed.Data.Migrations
{
    /// <summary>
    /// <c>paper_similar</c>: each paper's similar papers as last computed, under which model, how deep and when
    /// (<see cref="Search.Similar.SimilarPaperLists"/>). Only that class reads and writes it, by SQL, so it is not part
    /// of the EF model; it can be emptied at any time and is filled again as lists are asked for.
    /// </summary>
    public partial class StoredSimilarPapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE paper_similar (
                    paper_id    varchar(64) NOT NULL,
                    model_id    integer NOT NULL,
                    list_depth  integer NOT NULL,
                    similar_ids varchar(64)[] NOT NULL,
                    scores      double precision[] NOT NULL,
                    computed_at timestamptz NOT NULL,
                    CONSTRAINT pk_paper_similar PRIMARY KEY (paper_id),
                    CONSTRAINT fk_paper_similar_papers_paper_id FOREIGN KEY (paper_id) REFERENCES papers (id) ON DELETE CASCADE,
                    CONSTRAINT fk_paper_similar_embedding_models_model_id FOREIGN KEY (model_id) REFERENCES embedding_models (id) ON DELETE CASCADE
                );
                CREATE INDEX ix_paper_similar_model_id ON paper_similar (model_id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE paper_similar;");
        }
    }
}
