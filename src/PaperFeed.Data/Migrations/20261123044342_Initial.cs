using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;
using Pgvector;

#nullable disable

namespace PaperFeed.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:vector", ",,");

            migrationBuilder.CreateTable(
                name: "ingest_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    format = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    inserted = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingest_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "papers",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    arxiv_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    arxiv_version = table.Column<int>(type: "integer", nullable: true),
                    title_key = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    title_is_derived = table.Column<bool>(type: "boolean", nullable: false),
                    @abstract = table.Column<string>(name: "abstract", type: "text", nullable: false),
                    authors = table.Column<List<string>>(type: "text[]", nullable: false),
                    author_count = table.Column<int>(type: "integer", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    date_precision = table.Column<short>(type: "smallint", nullable: false),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    upvotes = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    url = table.Column<string>(type: "text", nullable: true),
                    pdf_url = table.Column<string>(type: "text", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    embedding = table.Column<Vector>(type: "vector(384)", nullable: true),
                    embedding_model = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_papers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rejected_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ingest_run_id = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    line = table.Column<long>(type: "bigint", nullable: true),
                    byte_offset = table.Column<long>(type: "bigint", nullable: true),
                    entry = table.Column<long>(type: "bigint", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rejected_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_rejected_records_ingest_runs_ingest_run_id",
                        column: x => x.ingest_run_id,
                        principalTable: "ingest_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paper_search",
                columns: table => new
                {
                    paper_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_search", x => x.paper_id);
                    table.ForeignKey(
                        name: "fk_paper_search_papers_paper_id",
                        column: x => x.paper_id,
                        principalTable: "papers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ingest_runs_started_at",
                table: "ingest_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_paper_search_search_vector",
                table: "paper_search",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_papers_arxiv_id",
                table: "papers",
                column: "arxiv_id",
                unique: true,
                filter: "arxiv_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_papers_embedding",
                table: "papers",
                column: "embedding")
                .Annotation("Npgsql:IndexMethod", "hnsw")
                .Annotation("Npgsql:IndexOperators", new[] { "vector_cosine_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_papers_published_at_id",
                table: "papers",
                columns: new[] { "published_at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_papers_title_key",
                table: "papers",
                column: "title_key");

            migrationBuilder.CreateIndex(
                name: "ix_rejected_records_ingest_run_id",
                table: "rejected_records",
                column: "ingest_run_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "paper_search");

            migrationBuilder.DropTable(
                name: "rejected_records");

            migrationBuilder.DropTable(
                name: "papers");

            migrationBuilder.DropTable(
                name: "ingest_runs");
        }
    }
}
