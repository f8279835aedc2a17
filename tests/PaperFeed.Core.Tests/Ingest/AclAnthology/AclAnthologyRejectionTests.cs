using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.AclAnthology.AclXml;

namespace PaperFeed.Core.Tests.Ingest.AclAnthology;

/// <summary>Papers that cannot become records are rejected at their line, and the papers around them go on.</summary>
public class AclAnthologyRejectionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n  ")]
    [InlineData("<i> </i>")]
    public async Task Paper_without_an_abstract_is_rejected_naming_it(string? abstractText)
    {
        var rejection = await SingleRejectionAsync(Collection(Paper("3", title: "Invited <fixed-case>T</fixed-case>alk", abstractText: abstractText)));

        Assert.Equal("no abstract (2023.test-1.3 \"Invited Talk\")", rejection);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<fixed-case> </fixed-case>")]
    public async Task Paper_without_a_title_is_rejected(string? title)
    {
        var rejection = await SingleRejectionAsync(Collection(Paper("3", title: title)));

        Assert.Equal("no title (2023.test-1.3)", rejection);
    }

    [Fact]
    public async Task Retracted_paper_is_rejected_with_the_notice()
    {
        var more = """<retracted date="2024-07-15">The evaluation used an erroneous script.</retracted>""";

        var rejection = await SingleRejectionAsync(Collection(Paper("56", more: more)));

        Assert.Equal("retracted (2023.test-1.56): The evaluation used an erroneous script.", rejection);
    }

    [Fact]
    public async Task Paper_without_any_id_in_an_old_style_collection_is_rejected()
    {
        var rejection = await SingleRejectionAsync(Collection(Paper("1001", url: null), collectionId: "P19"));

        Assert.Equal("paper \"1001\" has no <url> with its Anthology id", rejection);
    }

    [Fact]
    public async Task Url_that_is_not_an_anthology_id_is_rejected()
    {
        var rejection = await SingleRejectionAsync(Collection(Paper("1", url: "see the website")));

        Assert.Equal("not an Anthology id: \"see the website\"", rejection);
    }

    [Fact]
    public async Task Repeated_anthology_id_is_rejected_pointing_at_the_first()
    {
        var xml = Collection(Paper("1", title: "First") + Paper("1", title: "Copy") + Paper("2"));

        List<SourceEntry> entries = await ReadAsync(xml);

        Assert.Equal(3, entries.Count);
        Assert.Equal("First", entries[0].Paper!.Title);
        Assert.Equal($"duplicate Anthology id 2023.test-1.1 (first at line {entries[0].Position.Line})", entries[1].Rejection);
        Assert.Equal("https://aclanthology.org/2023.test-1.2", entries[2].Paper!.Url);
    }

    [Fact]
    public async Task Revisions_and_errata_do_not_make_more_records()
    {
        var more = """
            <revision id="1" href="2023.test-1.1v1" hash="3df5987a"/>
            <revision id="2" href="2023.test-1.1v2" hash="ea5bbafb" date="2023-07-31">Updated Figure 2.</revision>
            <erratum id="1" hash="0faad5e6" date="2024-06-19">2023.test-1.1e1</erratum>
            """;

        var paper = await SinglePaperAsync(Collection(Paper("1", more: more)));

        Assert.Equal("https://aclanthology.org/2023.test-1.1", paper.Url);
        Assert.Equal("https://aclanthology.org/2023.test-1.1.pdf", paper.PdfUrl);
    }

    [Fact]
    public async Task Rejected_paper_between_good_ones_does_not_stop_the_rest()
    {
        var xml = Collection(Paper("1") + Paper("2", abstractText: null) + Paper("3", title: null) + Paper("4"));

        List<SourceEntry> entries = await ReadAsync(xml);

        Assert.Equal([true, false, false, true], entries.Select(entry => entry.Paper is not null));
        Assert.True(entries.Select(entry => entry.Position.Line!.Value).Order().SequenceEqual(entries.Select(entry => entry.Position.Line!.Value)));
    }

    [Fact]
    public async Task Front_matter_events_and_unknown_elements_are_not_papers()
    {
        var xml = """
            <?xml version='1.0' encoding='UTF-8'?>
            <collection id="2023.test">
              <event id="test-2023"><meta><title>An Event Title</title></meta><colocated><volume-id>2023.other-1</volume-id></colocated></event>
              <volume id="1">
                <meta><year>2023</year><venue>test</venue></meta>
                <frontmatter><url hash="1">2023.test-1.0</url><bibkey>test-2023-front</bibkey></frontmatter>
                <paper id="1"><title>The Only Paper</title><abstract>A.</abstract><url>2023.test-1.1</url><video href="x.mp4"/></paper>
                <something-new><paper id="9"><title>Nested</title></paper></something-new>
              </volume>
            </collection>
            """;

        SourceEntry entry = Assert.Single(await ReadAsync(xml));

        Assert.Equal("The Only Paper", entry.Paper!.Title);
        Assert.Equal(7, entry.Position.Line);
    }

    [Theory]
    [InlineData("<?xml version='1.0' encoding='UTF-8'?>\n<collection id=\"2023.ws\">\n  <event id=\"ws-2023\"><colocated><volume-id>2023.a-1</volume-id></colocated></event>\n</collection>\n")]
    [InlineData("<collection id=\"2023.empty\"/>")]
    [InlineData("<collection id=\"2023.empty\"><volume id=\"1\"><meta><year>2023</year></meta><frontmatter/></volume></collection>")]
    public async Task Collection_without_papers_is_complete_and_yields_nothing(string xml) =>
        Assert.Empty(await ReadAsync(xml));

    [Fact]
    public async Task Huge_abstract_is_kept_whole()
    {
        var sentence = "A sentence that pads this abstract. ";
        var huge = string.Concat(Enumerable.Repeat(sentence, 16 * 1024 * 1024 / sentence.Length));

        var paper = await SinglePaperAsync(Collection(Paper("1", abstractText: huge)));

        Assert.Equal(huge.TrimEnd(), paper.Abstract);
    }
}
