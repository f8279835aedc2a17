using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.HuggingFace.HuggingFaceReading;

namespace PaperFeed.Core.Tests.Ingest.HuggingFace;

/// <summary>Entries with missing, empty, odd or repeated parts: each is rejected alone, naming its place, or read as far as it goes.</summary>
public class HuggingFaceEntryTests
{
    [Theory]
    [InlineData("""{"paper":{"title":"T","summary":"S"}}""", "entry without a paper id")]
    [InlineData("""{"paper":{"id":"","title":"T","summary":"S"}}""", "entry without a paper id")]
    [InlineData("""{"paper":{"id":2401.00001,"title":"T","summary":"S"}}""", "entry without a paper id")]
    [InlineData("""{"paper":{"id":"hf-123","title":"T","summary":"S"}}""", "paper id \"hf-123\" is not an arXiv identifier")]
    [InlineData("""{"paper":{"id":"2401.00002","summary":"S"}}""", "2401.00002: entry without a title")]
    [InlineData("""{"paper":{"id":"2401.00002","title":"  \n ","summary":"S"}}""", "2401.00002: entry without a title")]
    [InlineData("""{"paper":{"id":"2401.00002","title":"T"}}""", "2401.00002: entry without a summary (the abstract)")]
    [InlineData("""{"paper":{"id":"2401.00002","title":"T","summary":"S","publishedAt":"yesterday"}}""", "2401.00002: unreadable publishedAt \"yesterday\"")]
    [InlineData("""{"paper":{"id":"2401.00002","title":"T","summary":"S","upvotes":-1}}""", "2401.00002: upvotes is not a count: -1")]
    [InlineData("""{"paper":{"id":"2401.00002","title":"T","summary":"S","upvotes":"12"}}""", "2401.00002: upvotes is not a count: \"12\"")]
    [InlineData("""["2401.00002"]""", "entry is a JSON array, not an object")]
    [InlineData("""null""", "entry is a JSON null, not an object")]
    public async Task Malformed_entry_is_rejected_at_its_number_and_the_next_one_read(string entry, string reason)
    {
        List<SourceEntry> entries = await ReadAllAsync($"[{Item("2401.00001")},{entry},{Item("2401.00003")}]");

        Assert.Equal(3, entries.Count);
        Assert.Equal("2401.00001", entries[0].Paper!.ArxivId);
        Assert.Equal(reason, entries[1].Rejection);
        Assert.Equal(2, entries[1].Position.Entry);
        Assert.Equal("entry 2", entries[1].Position.ToString());
        Assert.Equal("2401.00003", entries[2].Paper!.ArxivId);
    }

    [Fact]
    public async Task Single_object_without_an_id_is_rejected_as_entry_1()
    {
        SourceEntry entry = Assert.Single(await ReadAllAsync("""{"title":"T","summary":"S","upvotes":1}"""));

        Assert.Equal("entry without a paper id", entry.Rejection);
        Assert.Equal(1, entry.Position.Entry);
    }

    [Fact]
    public async Task Paper_objects_one_after_another_are_read_as_JSON_Lines()
    {
        List<SourceEntry> entries = await ReadAllAsync(
            "{\"id\":\"2401.00001\",\"title\":\"One\",\"summary\":\"S\",\"upvotes\":1}\n{\"title\":\"No id\"}\n{\"id\":\"2401.00003\",\"title\":\"Three\",\"summary\":\"S\"}\n");

        Assert.Equal(["2401.00001", null, "2401.00003"], entries.Select(entry => entry.Paper?.ArxivId));
        Assert.Equal("entry without a paper id", entries[1].Rejection);
        Assert.Equal(2, entries[1].Position.Entry);
    }

    [Fact]
    public async Task Optional_fields_may_be_missing_or_null()
    {
        PaperRecord paper = (await PapersAsync("""[{"paper":{"id":"2401.00001","title":"T","summary":"S","publishedAt":null,"upvotes":null}}]"""))[0];

        Assert.Empty(paper.Authors);
        Assert.Null(paper.PublishedAt);
        Assert.Null(paper.Upvotes);
    }

    [Fact]
    public async Task Item_title_and_summary_stand_in_for_missing_paper_ones()
    {
        PaperRecord paper = (await PapersAsync("""[{"paper":{"id":"2401.00001","upvotes":4},"title":"Item Title","summary":"Item summary."}]"""))[0];

        Assert.Equal("Item Title", paper.Title);
        Assert.Equal("Item summary.", paper.Abstract);
        Assert.Equal(4, paper.Upvotes);
    }

    [Fact]
    public async Task Same_paper_twice_with_different_upvotes_comes_back_twice_for_the_store_to_merge()
    {
        List<PaperRecord> papers = await PapersAsync($"[{Item("2401.00001", upvotes: 5)},{Item("2401.00001", upvotes: 9)}]");

        Assert.Equal([("2401.00001", 5), ("2401.00001", 9)], papers.Select(paper => (paper.ArxivId!, paper.Upvotes!.Value)));
    }

    [Fact]
    public async Task Versioned_id_keeps_its_version()
    {
        PaperRecord paper = (await PapersAsync($"[{Item("2401.00001v3")}]"))[0];

        Assert.Equal(("2401.00001", 3), (paper.ArxivId!, paper.ArxivVersion!.Value));
    }

    [Fact]
    public async Task Escapes_entities_and_markup_are_decoded_once_and_LaTeX_kept()
    {
        const string json = """[{"paper":{"id":"2401.00001","title":"Q&amp;A: <b>bold<\/b> \u00e9t\u00e9 and $\\alpha$","summary":"Line one\nline two &quot;quoted&quot; \ud83d\ude00.","authors":[{"name":"Fran&#231;ois\n Dupont"},"Plain Name",{"name":""},{"_id":"x"}],"upvotes":1}}]""";

        PaperRecord paper = (await PapersAsync(json))[0];

        Assert.Equal("Q&A: <b>bold</b> \u00e9t\u00e9 and $\\alpha$", paper.Title);
        Assert.Equal("Line one line two \"quoted\" \U0001F600.", paper.Abstract);
        Assert.Equal(["Fran\u00e7ois Dupont", "Plain Name"], paper.Authors);
    }

    [Fact]
    public async Task Huge_summary_is_read_whole()
    {
        var huge = string.Concat(Enumerable.Repeat("A sentence of a very long abstract. ", 150_000)).TrimEnd();

        List<PaperRecord> papers = await PapersAsync($"[{Item("2401.00001", summary: huge)},{Item("2401.00002")}]");

        Assert.Equal(huge, papers[0].Abstract);
        Assert.Equal("2401.00002", papers[1].ArxivId);
    }

    [Fact]
    public async Task Old_style_id_is_read() =>
        Assert.Equal("hep-th/9901001", (await PapersAsync($"[{Item("hep-th/9901001")}]"))[0].ArxivId);
}
