using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaperFeed.Data.Migrations
{
    /// <summary>
    /// Keeps a paper row in the heap page, uncompressed, up to 8,160 bytes (<c>toast_tuple_target</c>). By default a
    /// row over about 2 KB, a quarter of the papers (long abstracts), is compressed with pglz and often moved to the
    /// TOAST table: during a 1M-paper load pglz_compress was PostgreSQL's top function in <c>perf</c> (5-7% of both
    /// cores), and every read of such a row pays a TOAST look-up. The ingest's staging table keeps its rows inline the
    /// same way (<see cref="Ingest.PaperMergeSql"/>); otherwise the values arrive compressed already. Rows stored
    /// before keep their form until they are next updated.
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
