using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaperFeed.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeedCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_papers_published_at_id",
                table: "papers");

            migrationBuilder.CreateIndex(
                name: "ix_papers_published_at_id",
                table: "papers",
                columns: new[] { "published_at", "id" },
                descending: new bool[0])
                .Annotation("Npgsql:IndexInclude", new[] { "date_precision", "upvotes", "local_upvotes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_papers_published_at_id",
                table: "papers");

            migrationBuilder.CreateIndex(
                name: "ix_papers_published_at_id",
                table: "papers",
                columns: new[] { "published_at", "id" },
                descending: new bool[0]);
        }
    }
}
