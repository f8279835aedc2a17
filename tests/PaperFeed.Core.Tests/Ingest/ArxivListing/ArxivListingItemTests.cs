using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.Xml;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.ArxivListing.ArxivListingReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivListing;

/// <summary>One bad item is rejected with a reason and the items around it still come through.</summary>
public class ArxivListingItemTests
{
    public static TheoryData<string, string> BadItems => new()
    {
        { Item(guid: null, link: null, description: "Abstract: no id anywhere."), "item without an arXiv id (none in <guid>, <description> or <link>)" },
        { Item(guid: "oai:example.org:17", link: "https://example.org/17", description: "Just text."), "item without an arXiv id (none in <guid>, <description> or <link>)" },
        { Item(title: null), "2411.01234v1: no <title>" },
        { Item(title: "   "), "2411.01234v1: no <title>" },
        { Item(description: "arXiv:2411.01234v1 Announce Type: new \nAbstract: "), "2411.01234v1: no abstract in <description>" },
        { Item(description: ""), "2411.01234v1: no abstract in <description>" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task Bad_item_is_rejected_with_its_reason_and_the_next_one_is_read(string badItem, string reason)
    {
        List<SourceEntry> entries = await ReadAllAsync(Channel(badItem, Item(id: "2411.05678")));

        Assert.Equal(2, entries.Count);
        Assert.Equal(reason, entries[0].Rejection);
        Assert.Equal(1, entries[0].Position.Entry);
        Assert.Equal(8, entries[0].Position.Line);
        Assert.Equal("2411.05678", entries[1].Paper?.ArxivId);
        Assert.Equal(2, entries[1].Position.Entry);
    }

    [Fact]
    public async Task Id_and_version_come_from_the_description_when_the_guid_is_missing()
    {
        List<SourceEntry> entries = await ReadAllAsync(Channel(Item(version: 2, announceType: "replace", guid: null, link: null)));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Equal("2411.01234", paper.ArxivId);
        Assert.Equal(2, paper.ArxivVersion);
    }

    [Fact]
    public async Task Link_alone_gives_the_id_without_a_version()
    {
        List<SourceEntry> entries = await ReadAllAsync(Channel(Item(guid: null, description: "A plain abstract, no announcement head.")));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Equal("2411.01234", paper.ArxivId);
        Assert.Null(paper.ArxivVersion);
        Assert.Equal("A plain abstract, no announcement head.", paper.Abstract);
    }

    [Fact]
    public async Task Old_style_ids_are_read_from_guid_and_description()
    {
        List<SourceEntry> entries = await ReadAllAsync(Channel(Item(id: "hep-th/0601001", version: 3, announceType: "replace")));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Equal("hep-th/0601001", paper.ArxivId);
        Assert.Equal(3, paper.ArxivVersion);
        Assert.Equal(Utc(2006, 1, 1), paper.PublishedAt);
        Assert.Equal(DatePrecision.Month, paper.DatePrecision);
    }

    [Theory]
    [InlineData("new", 1, DatePrecision.Day)]
    [InlineData("cross", 1, DatePrecision.Month)]
    [InlineData("replace", 2, DatePrecision.Month)]
    [InlineData("replace-cross", 2, DatePrecision.Month)]
    [InlineData("absonly", 1, DatePrecision.Month)]
    public async Task Only_a_first_announcement_dates_the_paper_to_the_day(string announceType, int version, DatePrecision precision)
    {
        List<SourceEntry> entries = await ReadAllAsync(Channel(Item(version: version, announceType: announceType)));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Equal(precision, paper.DatePrecision);
        Assert.Equal(precision == DatePrecision.Day ? Utc(2024, 11, 28) : Utc(2024, 11, 1), paper.PublishedAt);
        Assert.Equal(version, paper.ArxivVersion);
    }

    [Fact]
    public async Task New_item_with_an_unreadable_date_falls_back_to_the_month_of_its_id()
    {
        List<SourceEntry> entries = await ReadAllAsync(Channel(Item(pubDate: "someday")));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Equal(Utc(2024, 11, 1), paper.PublishedAt);
        Assert.Equal(DatePrecision.Month, paper.DatePrecision);
    }

    [Fact]
    public async Task Item_without_creator_or_categories_is_accepted_with_those_empty()
    {
        List<SourceEntry> entries = await ReadAllAsync(Channel(Item(creator: null, categories: "")));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Empty(paper.Authors);
        Assert.Empty(paper.Categories);
    }

    [Fact]
    public async Task Duplicate_items_are_each_returned_for_the_store_to_merge()
    {
        List<SourceEntry> entries = await ReadAllAsync(Channel(Item(), Item()));

        Assert.Equal(2, entries.Count);
        Assert.All(entries, entry => Assert.Equal("2411.01234", entry.Paper!.ArxivId));
    }

    [Fact]
    public async Task Several_versions_of_one_paper_keep_their_own_version_and_text()
    {
        List<SourceEntry> entries = await ReadAllAsync(Channel(
            Item(title: "First Title"),
            Item(version: 2, announceType: "replace", title: "Revised Title")));

        Assert.Equal([(1, "First Title"), (2, "Revised Title")], entries.Select(entry => (entry.Paper!.ArxivVersion!.Value, entry.Paper.Title)));
    }

    [Fact]
    public async Task Markup_and_entities_are_decoded_once_and_latex_is_kept()
    {
        List<SourceEntry> entries = await ReadAllAsync(Channel(Item(
            title: "&lt;i&gt;Italic&lt;/i&gt; &amp; $\\alpha$ caf&#233;",
            description: "arXiv:2411.01234v1 Announce Type: new \nAbstract: <![CDATA[Raw <b>bold</b> & $x<y$]]> and\n  H\\\"older &amp;amp; more.")));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Equal("<i>Italic</i> & $\\alpha$ café", paper.Title);
        Assert.Equal("Raw <b>bold</b> & $x<y$ and H\\\"older & more.", paper.Abstract);
    }

    [Fact]
    public async Task Huge_description_rejects_its_item_without_holding_it_and_the_next_item_is_read()
    {
        var huge = "arXiv:2411.01234v1 Announce Type: new \nAbstract: " + new string('x', XmlElements.MaxFieldLength);

        List<SourceEntry> entries = await ReadAllAsync(Channel(Item(description: huge), Item(id: "2411.05678")));

        Assert.Equal($"2411.01234v1: <description> is longer than {XmlElements.MaxFieldLength} characters", entries[0].Rejection);
        Assert.Equal("2411.05678", entries[1].Paper?.ArxivId);
    }

    [Fact]
    public async Task Announce_type_is_read_from_the_description_when_the_element_is_missing()
    {
        var item = Item(version: 2, announceType: "replace").Replace("<arxiv:announce_type>replace</arxiv:announce_type>", "", StringComparison.Ordinal);

        List<SourceEntry> entries = await ReadAllAsync(Channel(item));

        Assert.Equal(DatePrecision.Month, Assert.Single(entries).Paper!.DatePrecision);
    }
}
