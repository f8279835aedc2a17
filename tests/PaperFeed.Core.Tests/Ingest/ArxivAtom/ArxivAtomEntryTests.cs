using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.Xml;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.ArxivAtom.ArxivAtomReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivAtom;

/// <summary>One bad entry is rejected with a reason and the entries around it still come through.</summary>
public class ArxivAtomEntryTests
{
    public static TheoryData<string, string> BadEntries => new()
    {
        { Entry(id: null), "entry without an <id>" },
        { Entry(id: "  "), "entry without an <id>" },
        { Entry(id: "http://example.org/papers/17"), "<id> \"http://example.org/papers/17\" is not an arXiv identifier" },
        { Entry(title: null), "2501.01234v1: no <title>" },
        { Entry(title: " \n  "), "2501.01234v1: no <title>" },
        { Entry(summary: null), "2501.01234v1: no <summary> (abstract)" },
        { Entry(summary: ""), "2501.01234v1: no <summary> (abstract)" },
        { Entry(published: "yesterday"), "2501.01234v1: unreadable <published> \"yesterday\"" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task Bad_entry_is_rejected_with_its_reason_and_the_next_one_is_read(string badEntry, string reason)
    {
        List<SourceEntry> entries = await ReadAllAsync(Feed(badEntry, Entry(id: "http://arxiv.org/abs/2501.05678v1")));

        Assert.Equal(2, entries.Count);
        Assert.Equal(reason, entries[0].Rejection);
        Assert.Null(entries[0].Paper);
        Assert.Equal(1, entries[0].Position.Entry);
        Assert.Equal(8, entries[0].Position.Line);
        Assert.Equal("2501.05678", entries[1].Paper?.ArxivId);
        Assert.Equal(2, entries[1].Position.Entry);
    }

    [Fact]
    public async Task Entry_without_authors_categories_or_date_is_accepted_with_those_empty()
    {
        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(published: null, authors: "", categories: "")));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Empty(paper.Authors);
        Assert.Empty(paper.Categories);
        Assert.Null(paper.PublishedAt);
    }

    [Fact]
    public async Task Empty_author_names_are_left_out()
    {
        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(authors: "<author><name> </name></author><author/><author><name>Alan  Turing</name></author>")));

        Assert.Equal(["Alan Turing"], Assert.Single(entries).Paper!.Authors);
    }

    [Fact]
    public async Task Entry_id_without_a_version_gives_no_version()
    {
        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(id: "http://arxiv.org/abs/2501.01234")));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Equal("2501.01234", paper.ArxivId);
        Assert.Null(paper.ArxivVersion);
    }

    [Fact]
    public async Task Published_time_with_an_offset_is_turned_to_the_utc_day()
    {
        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(published: "2025-01-02T22:30:00-04:00")));

        Assert.Equal(Utc(2025, 1, 3), Assert.Single(entries).Paper!.PublishedAt);
    }

    [Fact]
    public async Task Duplicate_ids_are_each_returned_for_the_store_to_merge()
    {
        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(), Entry()));

        Assert.Equal(2, entries.Count);
        Assert.All(entries, entry => Assert.Equal("2501.01234", entry.Paper!.ArxivId));
        Assert.Equal(entries[0].Paper!.Title, entries[1].Paper!.Title);
        Assert.Equal([1L, 2L], entries.Select(entry => entry.Position.Entry!.Value));
    }

    [Fact]
    public async Task Several_versions_of_one_paper_keep_their_own_version_and_text()
    {
        List<SourceEntry> entries = await ReadAllAsync(Feed(
            Entry(id: "http://arxiv.org/abs/2501.01234v1", title: "First Title"),
            Entry(id: "http://arxiv.org/abs/2501.01234v3", title: "Revised Title")));

        Assert.Equal([(1, "First Title"), (3, "Revised Title")], entries.Select(entry => (entry.Paper!.ArxivVersion!.Value, entry.Paper.Title)));
        Assert.All(entries, entry => Assert.Equal("2501.01234", entry.Paper!.ArxivId));
    }

    [Fact]
    public async Task Markup_and_entities_are_decoded_once_and_latex_is_kept()
    {
        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(
            title: "&lt;b&gt;Bold&lt;/b&gt; claims &amp; $\\alpha$-&#946; caf&#xE9;",
            summary: "<![CDATA[Raw <i>markup</i> & more]]>  and\n  a &quot;quoted&quot; $x&lt;y$ &amp;amp; done.")));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Equal("<b>Bold</b> claims & $\\alpha$-β café", paper.Title);
        Assert.Equal("Raw <i>markup</i> & more and a \"quoted\" $x<y$ & done.", paper.Abstract);
    }

    [Fact]
    public async Task Summary_with_child_markup_keeps_its_text()
    {
        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(summary: "Text with <em xmlns=\"http://www.w3.org/1999/xhtml\">inline</em> markup.")));

        Assert.Equal("Text with inline markup.", Assert.Single(entries).Paper!.Abstract);
    }

    [Fact]
    public async Task Huge_field_rejects_its_entry_without_holding_it_and_the_next_entry_is_read()
    {
        var huge = new string('x', XmlElements.MaxFieldLength + 10);

        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(summary: huge), Entry(id: "http://arxiv.org/abs/2501.05678v1")));

        Assert.Equal($"2501.01234v1: <summary> is longer than {XmlElements.MaxFieldLength} characters", entries[0].Rejection);
        Assert.Equal("2501.05678", entries[1].Paper?.ArxivId);
    }

    [Fact]
    public async Task Long_but_sane_summary_is_kept_whole()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 50_000));

        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(summary: words)));

        Assert.Equal(words, Assert.Single(entries).Paper!.Abstract);
    }

    [Fact]
    public async Task Links_elsewhere_than_arxiv_are_kept_and_arxiv_links_are_not()
    {
        var links = """
            <link href="https://arxiv.org/abs/2501.01234v1" rel="alternate" type="text/html"/>
            <link href="https://mirror.example.org/2501.01234.pdf" rel="related" type="application/pdf" title="pdf"/>
            """;

        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(categories: links)));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Null(paper.Url);
        Assert.Equal("https://mirror.example.org/2501.01234.pdf", paper.PdfUrl);
    }

    [Fact]
    public async Task Unknown_elements_and_extensions_are_skipped()
    {
        var extra = """
            <arxiv:comment>12 pages</arxiv:comment><arxiv:doi>10.1/x</arxiv:doi><arxiv:journal_ref>J. 1</arxiv:journal_ref>
            <media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="x"><nested><title>not the title</title></nested></media:thumbnail>
            <category term="cs.AI"/><arxiv:primary_category term="cs.CL"/>
            """;

        List<SourceEntry> entries = await ReadAllAsync(Feed(Entry(categories: extra)));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Equal("A Test Paper", paper.Title);
        Assert.Equal(["cs.CL", "cs.AI"], paper.Categories);
    }

    [Fact]
    public async Task Compact_feed_without_whitespace_between_elements_reads_the_same()
    {
        var compact = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\"><entry><id>http://arxiv.org/abs/2501.01234v2</id><title>T</title><summary>S</summary><author><name>A</name></author><author><name>B</name></author></entry><entry><id>http://arxiv.org/abs/2501.05678v1</id><title>U</title><summary>V</summary></entry></feed>";

        List<SourceEntry> entries = await ReadAllAsync(compact);

        Assert.Equal(2, entries.Count);
        Assert.Equal(["A", "B"], entries[0].Paper!.Authors);
        Assert.Equal("U", entries[1].Paper!.Title);
        Assert.All(entries, entry => Assert.Equal(1, entry.Position.Line));
    }
}
