using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.AclAnthology.AclXml;

namespace PaperFeed.Core.Tests.Ingest.AclAnthology;

/// <summary>What papers take from their volume's <c>&lt;meta&gt;</c> and the collection: date, venues, ids.</summary>
public class AclAnthologyVolumeTests
{
    private static string Meta(string inner) => $"<meta>{inner}</meta>";

    [Fact]
    public async Task Year_and_month_give_the_first_of_the_month_in_utc_with_month_precision()
    {
        PaperRecord paper = await SinglePaperAsync(Collection(Paper("1"), Meta("<month>sEPTEMBER</month><year>2023</year><venue>test</venue>")));

        Assert.Equal(new DateTimeOffset(2023, 9, 1, 0, 0, 0, TimeSpan.Zero), paper.PublishedAt);
        Assert.Equal(DatePrecision.Month, paper.DatePrecision);
    }

    [Theory]
    [InlineData("<year>2024</year>")]
    [InlineData("<month></month><year>2024</year>")]
    [InlineData("<month>Summer</month><year> 2024 </year>")]
    public async Task Year_without_a_readable_month_has_year_precision(string meta)
    {
        PaperRecord paper = await SinglePaperAsync(Collection(Paper("1"), Meta(meta)));

        Assert.Equal(Utc(2024, 1), paper.PublishedAt);
        Assert.Equal(DatePrecision.Year, paper.DatePrecision);
    }

    [Theory]
    [InlineData("<month>May</month>", DatePrecision.Month, 5)]
    [InlineData("<month>May</month><year>twenty</year>", DatePrecision.Month, 5)]
    [InlineData("", DatePrecision.Year, 1)]
    public async Task Without_a_year_the_collection_id_gives_it(string meta, DatePrecision precision, int month)
    {
        PaperRecord paper = await SinglePaperAsync(Collection(Paper("1"), Meta(meta), collectionId: "2022.test"));

        Assert.Equal(Utc(2022, month), paper.PublishedAt);
        Assert.Equal(precision, paper.DatePrecision);
    }

    [Fact]
    public async Task Volume_without_meta_still_yields_its_papers()
    {
        PaperRecord paper = await SinglePaperAsync(Collection(Paper("1"), meta: ""));

        Assert.Equal(Utc(2023, 1), paper.PublishedAt);
        Assert.Equal(["acl:test"], paper.Categories);
    }

    [Fact]
    public async Task Old_style_collection_without_a_year_gives_no_date()
    {
        PaperRecord paper = await SinglePaperAsync(Collection(Paper("1001", url: "P19-1001"), Meta("<venue>acl</venue>"), collectionId: "P19"));

        Assert.Null(paper.PublishedAt);
        Assert.Equal("https://aclanthology.org/P19-1001", paper.Url);
    }

    [Theory]
    [InlineData("<venue>ijcnlp</venue><venue>aacl</venue>", new[] { "acl:ijcnlp", "acl:aacl" })]
    [InlineData("<venue>finnlp</venue><venue>ws</venue>", new[] { "acl:finnlp" })]
    [InlineData("<venue> INLG </venue><venue>inlg</venue>", new[] { "acl:inlg" })]
    [InlineData("<venue>ws</venue>", new[] { "acl:test" })] // 2023.nodalida's cgmta volume
    [InlineData("", new[] { "acl:test" })]
    public async Task Venues_become_prefixed_categories_in_their_order(string venues, string[] categories)
    {
        PaperRecord paper = await SinglePaperAsync(Collection(Paper("1"), Meta($"<year>2023</year>{venues}")));

        Assert.Equal(categories, paper.Categories);
    }

    [Fact]
    public async Task Paper_without_url_gets_the_id_the_anthology_derives_from_its_elements()
    {
        PaperRecord paper = await SinglePaperAsync(Collection(Paper("7", url: null)));

        Assert.Equal("https://aclanthology.org/2023.test-1.7", paper.Url);
        Assert.Equal("https://aclanthology.org/2023.test-1.7.pdf", paper.PdfUrl);
    }

    [Fact]
    public async Task Url_element_wins_over_the_derived_id()
    {
        // As 2023.acl-long.report, whose element id is 911.
        PaperRecord paper = await SinglePaperAsync(Collection(Paper("911", url: "2023.test-1.report")));

        Assert.Equal("https://aclanthology.org/2023.test-1.report", paper.Url);
    }

    [Fact]
    public async Task Full_url_in_old_entries_is_the_landing_page_without_a_pdf()
    {
        PaperRecord paper = await SinglePaperAsync(Collection(Paper("1", url: "http://www.lrec-conf.org/proceedings/lrec2000/pdf/3.pdf")));

        Assert.Equal("http://www.lrec-conf.org/proceedings/lrec2000/pdf/3.pdf", paper.Url);
        Assert.Null(paper.PdfUrl);
    }

    [Fact]
    public async Task Each_volume_has_its_own_date_and_venues()
    {
        var xml = """
            <collection id="2023.test">
              <volume id="1"><meta><month>June</month><year>2023</year><venue>first</venue></meta>
                <paper id="1"><title>One</title><abstract>A.</abstract><url>2023.test-1.1</url></paper>
              </volume>
              <volume id="2"><meta><month>November</month><year>2023</year><venue>second</venue></meta>
                <paper id="1"><title>Two</title><abstract>B.</abstract><url>2023.test-2.1</url></paper>
              </volume>
            </collection>
            """;

        List<PaperRecord> papers = [.. (await ReadAsync(xml)).Select(entry => entry.Paper!)];

        Assert.Equal([Utc(2023, 6), Utc(2023, 11)], papers.Select(paper => paper.PublishedAt!.Value));
        Assert.Equal(["acl:first", "acl:second"], papers.Select(paper => paper.Categories.Single()));
        Assert.Equal([3L, 6L], (await ReadAsync(xml)).Select(entry => entry.Position.Line!.Value));
    }
}
