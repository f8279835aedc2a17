using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaperFeed.Data.Migrations
{
    /// <inheritdoc />
    public partial class HarvestCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "harvest_checkpoints",
                columns: table => new
                {
                    source_key = table.Column<string>(type: "text", nullable: false),
                    token = table.Column<string>(type: "text", nullable: true),
                    from_date = table.Column<DateOnly>(type: "date", nullable: true),
                    until_date = table.Column<DateOnly>(type: "date", nullable: true),
                    harvested_until = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_harvest_checkpoints", x => x.source_key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "harvest_checkpoints");
        }
    }
}
