using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.OaiPmh.OaiPmhReading;

namespace PaperFeed.Core.Tests.Ingest.OaiPmh;

/// <summary>Records with missing, empty, odd or repeated parts: each is rejected alone or read as far as it goes.</summary>
public class OaiPmhRecordTests
{
    [Fact]
    public async Task Deleted_record_is_rejected_and_the_next_record_is_read()
    {
        List<SourceEntry> entries = await ReadAllAsync(ListRecords(
            """<record><header status="deleted"><identifier>oai:arXiv.org:0704.0002</identifier><datestamp>2024-01-02</datestamp></header></record>""",
            RawRecord()));

        Assert.Equal("deleted record oai:arXiv.org:0704.0002", entries[0].Rejection);
        Assert.Equal(6, entries[0].Position.Line);
        Assert.Equal("2401.00001", entries[1].Paper!.ArxivId);
        Assert.Equal(7, entries[1].Position.Line);
    }

    [Fact]
    public async Task Record_without_metadata_is_rejected() =>
        Assert.Equal(
            "record oai:arXiv.org:2401.00001 without metadata",
            (await ReadAllAsync(ListRecords("<record><header><identifier>oai:arXiv.org:2401.00001</identifier></header></record>")))[0].Rejection);

    [Theory]
    [InlineData(null, null, "An abstract.", "2401.00001: record without a title")]
    [InlineData("2401.00001", null, "An abstract.", "2401.00001: record without a title")]
    [InlineData("2401.00001", "   ", "An abstract.", "2401.00001: record without a title")]
    [InlineData("2401.00001", "A Title", null, "2401.00001: record without an abstract")]
    [InlineData("2401.00001", "A Title", "", "2401.00001: record without an abstract")]
    [InlineData("not-an-id", "A Title", "An abstract.", "\"not-an-id\" is not an arXiv identifier")]
    [InlineData("2401.00002", "A Title", "An abstract.", "the header identifier oai:arXiv.org:2401.00001 does not match the metadata id 2401.00002")]
    public async Task Record_missing_a_required_field_is_rejected_and_the_next_one_read(string? metadataId, string? title, string? abstractText, string reason)
    {
        // A missing metadata id falls back to the header's, which the first case's reason names.
        var record = RawRecord(id: metadataId, title: title, abstractText: abstractText, identifier: "oai:arXiv.org:2401.00001");

        List<SourceEntry> entries = await ReadAllAsync(ListRecords(record, RawRecord(id: "2401.00003")));

        Assert.Equal(reason, entries[0].Rejection);
        Assert.Equal("2401.00003", entries[1].Paper!.ArxivId);
    }

    [Fact]
    public async Task Record_without_any_id_is_rejected() =>
        Assert.Equal("record without an arXiv id", (await ReadAllAsync(ListRecords(RawRecord(id: null, identifier: "")))).Single().Rejection);

    [Fact]
    public async Task Missing_authors_categories_and_versions_leave_those_fields_empty()
    {
        List<PaperRecord> papers = await PapersAsync(System.Text.Encoding.UTF8.GetBytes(
            ListRecords(RawRecord(authors: null, categories: null, versions: ""), RawRecord(authors: "", categories: " "))));

        Assert.Empty(papers[0].Authors);
        Assert.Empty(papers[0].Categories);
        Assert.Null(papers[0].ArxivVersion);
        Assert.Null(papers[0].PublishedAt);
        Assert.Empty(papers[1].Authors);
        Assert.Empty(papers[1].Categories);
    }

    [Theory]
    [InlineData("""<version version="v1"><date>Mon, 32 Jan 2024 10:00:00 GMT</date></version>""", "2401.00001: unreadable date \"Mon, 32 Jan 2024 10:00:00 GMT\" of version v1")]
    [InlineData("""<version version="one"><date>Mon, 1 Jan 2024 10:00:00 GMT</date></version>""", "2401.00001: unreadable version \"one\"")]
    [InlineData("""<version version="v0"><date>Mon, 1 Jan 2024 10:00:00 GMT</date></version>""", "2401.00001: unreadable version \"v0\"")]
    public async Task Unreadable_version_or_date_rejects_the_record(string versions, string reason) =>
        Assert.Equal(reason, (await ReadAllAsync(ListRecords(RawRecord(versions: versions))))[0].Rejection);

    [Fact]
    public async Task Unreadable_created_date_rejects_an_arXiv_format_record() =>
        Assert.Equal(
            "0712.4079: unreadable created date \"25/12/2007\"",
            (await ReadAllAsync(ListRecords(ArxivRecord("0712.4079", "25/12/2007", ("A.", "Author")))))[0].Rejection);

    [Fact]
    public async Task Versions_in_any_order_give_the_highest_and_the_date_of_v1()
    {
        const string versions = """
            <version version="v3"><date>Fri, 29 Feb 2008 16:05:39 GMT</date></version><version version="v1"><date>Thu, 5 Apr 2007 23:59:59 GMT</date></version><version version="v2"><date>Fri, 28 Sep 2007 15:13:43 GMT</date></version>
            """;

        PaperRecord paper = (await PapersAsync(System.Text.Encoding.UTF8.GetBytes(ListRecords(RawRecord(versions: versions)))))[0];

        Assert.Equal(3, paper.ArxivVersion);
        Assert.Equal(new DateTimeOffset(2007, 4, 5, 0, 0, 0, TimeSpan.Zero), paper.PublishedAt);
    }

    [Fact]
    public async Task Wrong_weekday_in_a_version_date_does_not_matter() =>
        Assert.Equal(
            new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            (await PapersAsync(System.Text.Encoding.UTF8.GetBytes(ListRecords(RawRecord(
                versions: """<version version="v1"><date>Fri, 1 Jan 2024 10:00:00 GMT</date></version>""")))))[0].PublishedAt);

    [Fact]
    public async Task Same_paper_twice_comes_back_twice_for_the_store_to_merge()
    {
        List<PaperRecord> papers = await PapersAsync(System.Text.Encoding.UTF8.GetBytes(ListRecords(
            RawRecord(title: "Old Title"),
            RawRecord(title: "New Title", versions: """<version version="v1"><date>Mon, 1 Jan 2024 10:00:00 GMT</date></version><version version="v2"><date>Mon, 8 Jan 2024 10:00:00 GMT</date></version>"""))));

        Assert.Equal([("2401.00001", 1, "Old Title"), ("2401.00001", 2, "New Title")], papers.Select(paper => (paper.ArxivId!, paper.ArxivVersion!.Value, paper.Title)));
    }

    [Fact]
    public async Task Entities_and_markup_are_decoded_once_and_LaTeX_kept()
    {
        PaperRecord paper = (await PapersAsync(System.Text.Encoding.UTF8.GetBytes(ListRecords(RawRecord(
            title: "Q&amp;A about &lt;script&gt; tags and $\\alpha$-decay",
            abstractText: "<![CDATA[We show a < b & c.]]>  Second\n  line with &quot;quotes&quot; and Poincar\\'e.",
            authors: "J. M\u00fcller, Fran&#231;ois Dupont")))))[0];

        Assert.Equal("Q&A about <script> tags and $\\alpha$-decay", paper.Title);
        Assert.Equal("We show a < b & c. Second line with \"quotes\" and Poincar\\'e.", paper.Abstract);
        Assert.Equal(["J. M\u00fcller", "Fran\u00e7ois Dupont"], paper.Authors);
    }

    [Fact]
    public async Task Old_style_ids_are_read()
    {
        PaperRecord paper = (await PapersAsync(System.Text.Encoding.UTF8.GetBytes(ListRecords(RawRecord(id: "hep-th/9901001")))))[0];

        Assert.Equal("hep-th/9901001", paper.ArxivId);
    }

    [Fact]
    public async Task Huge_abstract_is_read_whole()
    {
        var huge = string.Concat(Enumerable.Repeat("A sentence of a very long abstract. ", 150_000));

        PaperRecord paper = (await PapersAsync(System.Text.Encoding.UTF8.GetBytes(ListRecords(RawRecord(abstractText: huge), RawRecord(id: "2401.00002")))))[0];

        Assert.Equal(huge.TrimEnd(), paper.Abstract);
    }

    [Fact]
    public async Task Collaboration_authors_without_forenames_keep_their_keyname()
    {
        PaperRecord paper = (await PapersAsync(System.Text.Encoding.UTF8.GetBytes(ListRecords(
            ArxivRecord("1207.7214", "2012-07-31", ("Georges", "Aad"), (null, "ATLAS Collaboration"), ("", "  "))))))[0];

        Assert.Equal(["Georges Aad", "ATLAS Collaboration"], paper.Authors);
    }

    [Fact]
    public async Task Unsupported_metadata_format_fails_the_source_naming_it()
    {
        SourceFormatException e = await FailureAsync(ListRecords(
            """<record><header><identifier>oai:arXiv.org:2401.00001</identifier></header><metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"/></metadata></record>"""));

        Assert.Equal(6, e.Position?.Line);
        Assert.Equal("metadata format <dc> (\"http://www.openarchives.org/OAI/2.0/oai_dc/\") is not read; harvest with metadataPrefix=arXiv or arXivRaw", e.Reason);
    }

    [Fact]
    public async Task GetRecord_response_is_read()
    {
        var xml = ListRecords(RawRecord()).Replace("ListRecords>", "GetRecord>", StringComparison.Ordinal);

        Assert.Equal("2401.00001", (await PapersAsync(System.Text.Encoding.UTF8.GetBytes(xml)))[0].ArxivId);
    }
}
