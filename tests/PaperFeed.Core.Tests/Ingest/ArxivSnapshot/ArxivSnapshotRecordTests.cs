using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.ArxivSnapshot.SnapshotReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivSnapshot;

/// <summary>How the fields of one snapshot line become a record, on lines in the Kaggle file's own layout.</summary>
public class ArxivSnapshotRecordTests
{
    [Fact]
    public async Task Kaggle_line_gives_the_latest_version_the_first_version_day_and_parsed_names()
    {
        PaperRecord paper = await SinglePaperAsync(KaggleLine + "\n");

        Assert.Equal("0704.0001", paper.ArxivId);
        Assert.Equal(2, paper.ArxivVersion);
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", paper.Title);
        Assert.StartsWith("A fully differential calculation in perturbative quantum chromodynamics is presented for", paper.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("next-to-next-to-leading logarithmic accuracy.", paper.Abstract, StringComparison.Ordinal);
        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"], paper.Authors);
        Assert.Equal(["hep-ph"], paper.Categories);
        Assert.Equal(Utc(2007, 4, 2), paper.PublishedAt);
        Assert.Equal(DatePrecision.Day, paper.DatePrecision);
    }

    [Fact]
    public async Task Three_versions_give_version_3_and_the_day_of_v1_whatever_their_order()
    {
        PaperRecord paper = await SinglePaperAsync("""
            {"id":"1501.00001","title":"T","abstract":"A.","versions":[{"version":"v2","created":"Sat, 7 Feb 2015 10:00:00 GMT"},{"created":"Thu, 1 Jan 2015 23:59:59 GMT","version":"v1"},{"version":"v3","created":"Mon, 4 May 2015 08:00:00 GMT"}]}
            """);

        Assert.Equal(3, paper.ArxivVersion);
        Assert.Equal(Utc(2015, 1, 1), paper.PublishedAt);
    }

    [Fact]
    public async Task Old_style_id_is_kept_with_its_archive()
    {
        PaperRecord paper = await SinglePaperAsync("""
            {"id":"hep-th/9901001","authors":"A. Author","title":"Old scheme","categories":"hep-th","abstract":"  Text.\n","versions":[{"version":"v1","created":"Fri, 1 Jan 1999 12:00:00 GMT"}],"authors_parsed":[["Author","A.",""]]}
            """);

        Assert.Equal("hep-th/9901001", paper.ArxivId);
        Assert.Equal(1, paper.ArxivVersion);
        Assert.Equal(Utc(1999, 1, 1), paper.PublishedAt);
    }

    [Fact]
    public async Task Without_authors_parsed_the_authors_string_is_split()
    {
        PaperRecord paper = await SinglePaperAsync("""
            {"id":"2501.00001","authors":"Ada Lovelace (Analytical Engines, London), Charles Babbage, Jr., Grace\n  Hopper and Alan Turing","title":"T","abstract":"A."}
            """);

        Assert.Equal(["Ada Lovelace", "Charles Babbage Jr.", "Grace Hopper", "Alan Turing"], paper.Authors);
    }

    [Theory]
    [InlineData("A and B", new[] { "A", "B" })]
    [InlineData("A, B, and C", new[] { "A", "B", "C" })]
    [InlineData("A B, C D et al.", new[] { "A B", "C D" })]
    [InlineData("A (1), B (2) ((1) MIT, (2) ETH Z\\u00fcrich)", new[] { "A", "B" })]
    [InlineData("The ATLAS Collaboration", new[] { "The ATLAS Collaboration" })]
    [InlineData("", new string[0])]
    public async Task Authors_string_splits_at_commas_and_and(string authors, string[] names)
    {
        PaperRecord paper = await SinglePaperAsync($$"""{"id":"2501.00001","authors":"{{authors}}","title":"T","abstract":"A."}""");

        Assert.Equal(names, paper.Authors);
    }

    [Fact]
    public async Task Parsed_authors_drop_affiliations_and_empty_entries_and_keep_suffixes()
    {
        PaperRecord paper = await SinglePaperAsync("""
            {"id":"2501.00001","title":"T","abstract":"A.","authors_parsed":[["Smith","John","Jr","MIT","Harvard"],["","",""],["ATLAS Collaboration","",""],["Doe","  Jane\n",""]]}
            """);

        Assert.Equal(["John Smith Jr", "ATLAS Collaboration", "Jane Doe"], paper.Authors);
    }

    [Fact]
    public async Task Paper_without_versions_is_dated_by_the_month_its_id_encodes()
    {
        PaperRecord newStyle = await SinglePaperAsync("""{"id":"2503.11731","title":"T","abstract":"A."}""");
        PaperRecord oldStyle = await SinglePaperAsync("""{"id":"math.GT/0309136","title":"T","abstract":"A.","versions":[]}""");
        PaperRecord unreadableDate = await SinglePaperAsync("""{"id":"0704.0002","title":"T","abstract":"A.","versions":[{"version":"v1","created":"yesterday"}]}""");

        Assert.Equal((Utc(2025, 3, 1), DatePrecision.Month), (newStyle.PublishedAt, newStyle.DatePrecision));
        Assert.Null(newStyle.ArxivVersion);
        Assert.Equal((Utc(2003, 9, 1), DatePrecision.Month), (oldStyle.PublishedAt, oldStyle.DatePrecision));
        Assert.Equal((Utc(2007, 4, 1), DatePrecision.Month), (unreadableDate.PublishedAt, unreadableDate.DatePrecision));
        Assert.Equal(1, unreadableDate.ArxivVersion);
    }

    [Fact]
    public async Task Categories_are_split_with_the_primary_first_and_each_once()
    {
        PaperRecord paper = await SinglePaperAsync("""{"id":"2501.00001","title":"T","abstract":"A.","categories":"cs.CV  cs.AI cs.CV\tstat.ML"}""");

        Assert.Equal(["cs.CV", "cs.AI", "stat.ML"], paper.Categories);
    }

    [Fact]
    public async Task Entities_are_decoded_once_and_markup_stays_text()
    {
        PaperRecord paper = await SinglePaperAsync("""
            {"id":"2501.00001","title":"Q&amp;A over &lt;b&gt;HTML&lt;/b&gt; &amp;amp; more","abstract":"  We show <script>alert(1)</script> is text;\n$\\alpha &lt; \\beta$ holds.\n","authors_parsed":[["Fran&ccedil;ois","Jean",""]]}
            """);

        Assert.Equal("Q&A over <b>HTML</b> &amp; more", paper.Title);
        Assert.Equal("We show <script>alert(1)</script> is text; $\\alpha < \\beta$ holds.", paper.Abstract);
        Assert.Equal(["Jean François"], paper.Authors);
    }

    [Fact]
    public async Task Versioned_id_in_the_file_is_stored_without_its_version()
    {
        PaperRecord paper = await SinglePaperAsync("""{"id":"2501.00001v4","title":"T","abstract":"A."}""");

        Assert.Equal("2501.00001", paper.ArxivId);
        Assert.Equal(4, paper.ArxivVersion);
    }

    [Fact]
    public async Task Unknown_and_null_fields_are_ignored()
    {
        PaperRecord paper = await SinglePaperAsync("""
            {"id":"2501.00001","title":"T","abstract":"A.","doi":null,"journal-ref":null,"extra":{"nested":[1,2,{"x":null}]},"authors":null,"authors_parsed":null,"versions":null,"categories":null,"comments":"12 pages"}
            """);

        Assert.Empty(paper.Authors);
        Assert.Empty(paper.Categories);
        Assert.Null(paper.ArxivVersion);
    }

    [Fact]
    public async Task Windows_line_breaks_and_blank_lines_are_fine()
    {
        List<Core.Ingest.SourceEntry> entries = await ReadAsync(
            "\r\n" + KaggleLine + "\r\n\r\n   \r\n" + KaggleLine.Replace("0704.0001", "0704.0002", StringComparison.Ordinal) + "\r\n");

        Assert.Equal([2L, 5L], entries.Select(entry => entry.Position.Line!.Value));
        Assert.All(entries, entry => Assert.Null(entry.Rejection));
        Assert.Equal("0704.0002", entries[1].Paper!.ArxivId);
    }
}
