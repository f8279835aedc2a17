using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaperFeed.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisitorHiddenPapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "visitor_hidden_papers",
                columns: table => new
                {
                    voter_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    paper_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visitor_hidden_papers", x => new { x.voter_key, x.paper_id });
                    table.ForeignKey(
                        name: "fk_visitor_hidden_papers_papers_paper_id",
                        column: x => x.paper_id,
                        principalTable: "papers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_paper_votes_voter_key",
                table: "paper_votes",
                column: "voter_key");

            migrationBuilder.CreateIndex(
                name: "ix_visitor_hidden_papers_paper_id",
                table: "visitor_hidden_papers",
                column: "paper_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "visitor_hidden_papers");

            migrationBuilder.DropIndex(
                name: "ix_paper_votes_voter_key",
                table: "paper_votes");
        }
    }
}
