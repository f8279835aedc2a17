using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Pgvector;

#nullable disable

namespace PaperFeed.Data.Migrations
{
    /// <inheritdoc />
    public partial class DiscoverySchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_papers_embedding",
                table: "papers");

            migrationBuilder.DropIndex(
                name: "ix_papers_title_key",
                table: "papers");

            migrationBuilder.DropColumn(
                name: "embedding",
                table: "papers");

            migrationBuilder.DropColumn(
                name: "embedding_model",
                table: "papers");

            migrationBuilder.AddColumn<int>(
                name: "local_upvotes",
                table: "papers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "abstract_length",
                table: "paper_search",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int[]>(
                name: "terms",
                table: "paper_search",
                type: "integer[]",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "title_length",
                table: "paper_search",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<SparseVector>(
                name: "weights",
                table: "paper_search",
                type: "sparsevec",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "embedding_models",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    provider = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    dimensions = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    artifact = table.Column<byte[]>(type: "bytea", nullable: true),
                    fitted_paper_count = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_embedding_models", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "paper_votes",
                columns: table => new
                {
                    paper_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    voter_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_votes", x => new { x.paper_id, x.voter_key });
                    table.ForeignKey(
                        name: "fk_paper_votes_papers_paper_id",
                        column: x => x.paper_id,
                        principalTable: "papers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "search_statistics",
                columns: table => new
                {
                    id = table.Column<short>(type: "smallint", nullable: false),
                    document_count = table.Column<long>(type: "bigint", nullable: false),
                    title_length_sum = table.Column<long>(type: "bigint", nullable: false),
                    abstract_length_sum = table.Column<long>(type: "bigint", nullable: false),
                    weighted_title_average = table.Column<double>(type: "double precision", nullable: false),
                    weighted_abstract_average = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_statistics", x => x.id);
                    table.CheckConstraint("ck_search_statistics_singleton", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "search_terms",
                columns: table => new
                {
                    term_id = table.Column<int>(type: "integer", nullable: false),
                    document_frequency = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_terms", x => x.term_id);
                });

            migrationBuilder.CreateTable(
                name: "paper_embeddings",
                columns: table => new
                {
                    model_id = table.Column<int>(type: "integer", nullable: false),
                    paper_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    embedding = table.Column<Vector>(type: "vector", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_embeddings", x => new { x.model_id, x.paper_id });
                    table.ForeignKey(
                        name: "fk_paper_embeddings_embedding_models_model_id",
                        column: x => x.model_id,
                        principalTable: "embedding_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_paper_embeddings_papers_paper_id",
                        column: x => x.paper_id,
                        principalTable: "papers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_papers_title_key",
                table: "papers",
                column: "title_key")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            // The one statistics row always exists, so that the indexer only ever updates it.
            migrationBuilder.Sql("INSERT INTO search_statistics (id, document_count, title_length_sum, abstract_length_sum, weighted_title_average, weighted_abstract_average) VALUES (1, 0, 0, 0, 0, 0)");

            migrationBuilder.CreateIndex(
                name: "ix_paper_search_terms",
                table: "paper_search",
                column: "terms")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_embedding_models_name",
                table: "embedding_models",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_embedding_models_single_active",
                table: "embedding_models",
                column: "state",
                unique: true,
                filter: "state = 1");

            migrationBuilder.CreateIndex(
                name: "ix_paper_embeddings_paper_id",
                table: "paper_embeddings",
                column: "paper_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "paper_embeddings");

            migrationBuilder.DropTable(
                name: "paper_votes");

            migrationBuilder.DropTable(
                name: "search_statistics");

            migrationBuilder.DropTable(
                name: "search_terms");

            migrationBuilder.DropTable(
                name: "embedding_models");

            migrationBuilder.DropIndex(
                name: "ix_papers_title_key",
                table: "papers");

            migrationBuilder.DropIndex(
                name: "ix_paper_search_terms",
                table: "paper_search");

            migrationBuilder.DropColumn(
                name: "local_upvotes",
                table: "papers");

            migrationBuilder.DropColumn(
                name: "abstract_length",
                table: "paper_search");

            migrationBuilder.DropColumn(
                name: "terms",
                table: "paper_search");

            migrationBuilder.DropColumn(
                name: "title_length",
                table: "paper_search");

            migrationBuilder.DropColumn(
                name: "weights",
                table: "paper_search");

            migrationBuilder.AddColumn<Vector>(
                name: "embedding",
                table: "papers",
                type: "vector(384)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "embedding_model",
                table: "papers",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_papers_embedding",
                table: "papers",
                column: "embedding")
                .Annotation("Npgsql:IndexMethod", "hnsw")
                .Annotation("Npgsql:IndexOperators", new[] { "vector_cosine_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_papers_title_key",
                table: "papers",
                column: "title_key");
        }
    }
}
