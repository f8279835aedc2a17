using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;
using PaperFeed.Data.Search;
using Pgvector;

#nullable disable

namespace PaperFeed.Data.Migrations
{
    /// <inheritdoc />
    public partial class LexicalIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_paper_search_search_vector",
                table: "paper_search");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "paper_search");

            // The BM25F index starts empty and every paper is queued: the next refresh (ingest, migrate) builds it.
            migrationBuilder.Sql("DELETE FROM paper_search");
            migrationBuilder.Sql("DELETE FROM search_terms");
            migrationBuilder.Sql("UPDATE search_statistics SET document_count = 0, title_length_sum = 0, abstract_length_sum = 0, weighted_title_average = 0, weighted_abstract_average = 0");
            migrationBuilder.Sql("INSERT INTO paper_search_pending (paper_id) SELECT id FROM papers ON CONFLICT DO NOTHING");

            migrationBuilder.AddColumn<string>(
                name: "weighted_with",
                table: "search_statistics",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<SparseVector>(
                name: "weights",
                table: "paper_search",
                type: "sparsevec",
                nullable: false,
                oldClrType: typeof(SparseVector),
                oldType: "sparsevec",
                oldNullable: true);

            migrationBuilder.AlterColumn<int[]>(
                name: "terms",
                table: "paper_search",
                type: "integer[]",
                nullable: false,
                oldClrType: typeof(int[]),
                oldType: "integer[]",
                oldNullable: true);

            migrationBuilder.Sql(SearchTermsTrigger.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchTermsTrigger.Drop);
            migrationBuilder.Sql("DELETE FROM paper_search");
            migrationBuilder.Sql("DELETE FROM search_terms");
            migrationBuilder.Sql("UPDATE search_statistics SET document_count = 0, title_length_sum = 0, abstract_length_sum = 0, weighted_title_average = 0, weighted_abstract_average = 0");
            migrationBuilder.Sql("INSERT INTO paper_search_pending (paper_id) SELECT id FROM papers ON CONFLICT DO NOTHING");

            migrationBuilder.DropColumn(
                name: "weighted_with",
                table: "search_statistics");

            migrationBuilder.AlterColumn<SparseVector>(
                name: "weights",
                table: "paper_search",
                type: "sparsevec",
                nullable: true,
                oldClrType: typeof(SparseVector),
                oldType: "sparsevec");

            migrationBuilder.AlterColumn<int[]>(
                name: "terms",
                table: "paper_search",
                type: "integer[]",
                nullable: true,
                oldClrType: typeof(int[]),
                oldType: "integer[]");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "paper_search",
                type: "tsvector",
                nullable: false);

            migrationBuilder.CreateIndex(
                name: "ix_paper_search_search_vector",
                table: "paper_search",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
