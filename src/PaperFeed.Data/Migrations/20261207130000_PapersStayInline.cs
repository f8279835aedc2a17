using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaperFeed.Data.Migrations
{
    /// <summary>
    /// Keeps a paper row in the heap page, uncompressed, up to 8,160 bytes (<c>toast_tuple_target</c>). By default a
    /// row over about 2 KB, a quarter of the papers (long abstracts), is first compressed with pglz and then moved to
    /// the TOAST table: that cost the bulk merge's INSERT about a fifth of its time, and every read of such a row a
    /// TOAST look-up. Rows stored before keep their form until they are next updated.
    /// </summary>
    public partial class PapersStayInline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE papers SET (toast_tuple_target = 8160);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE papers RESET (toast_tuple_target);");
        }
    }
}
