using System.Text;
using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.AclAnthology.AclXml;

namespace PaperFeed.Core.Tests.Ingest.AclAnthology;

/// <summary>Sources that cannot be read at all fail as a whole, naming the line and the reason.</summary>
public class AclAnthologyFailureTests
{
    private const string Woah = "2024.woah.xml";

    /// <summary>Cuts of a real file: inside a tag, an attribute value, an entity, text, between papers, in the end tag.</summary>
    public static TheoryData<string> Cuts => new()
    {
        "<title>The Uli Da",
        "<url hash=\"780d",
        "Global majority wh",
        "<author><first/><la",
        "</paper>\n",
        "</collection",
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Truncated_collection_fails_naming_the_line_of_the_cut(string keptUpTo)
    {
        var text = Encoding.UTF8.GetString(Fixture(Woah));
        var cut = text[..(keptUpTo == "</collection" ? text.LastIndexOf(keptUpTo, StringComparison.Ordinal) + keptUpTo.Length : text.IndexOf(keptUpTo, StringComparison.Ordinal) + keptUpTo.Length)];

        SourceFormatException e = await FailureAsync(cut);

        long lineOfCut = cut.Count(c => c == '\n') + 1;
        Assert.StartsWith("truncated: the file ends before </collection>", e.Reason, StringComparison.Ordinal);
        Assert.Equal(lineOfCut, e.Position?.Line);
        Assert.Contains($"line {lineOfCut}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Papers_before_the_cut_stream_out_before_the_failure()
    {
        var text = Encoding.UTF8.GetString(Fixture(Woah));
        var cut = text[..text.IndexOf("Global majority wh", StringComparison.Ordinal)];
        var entries = new List<SourceEntry>();

        await Assert.ThrowsAsync<SourceFormatException>(async () =>
        {
            await foreach (SourceEntry entry in Reader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(cut)), SourceReading.Context(), cancellationToken: TestContext.Current.CancellationToken))
            {
                entries.Add(entry);
            }
        });

        Assert.Equal(15, entries.Count); // papers 1 to 15; the cut is inside 2024.woah-1.16
    }

    [Fact]
    public async Task Latin1_file_fails_as_not_utf8()
    {
        var latin1 = Encoding.Latin1.GetBytes(Collection(Paper("1", title: "Étude de méthodes", abstractText: "Données.")));

        SourceFormatException e = await FailureAsync(latin1);

        Assert.StartsWith("not UTF-8 text", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_xml_inside_a_complete_file_fails_as_malformed_at_its_line()
    {
        var xml = Collection(Paper("1") + Paper("2", abstractText: "Tom & Jerry") + Paper("3"));

        SourceFormatException e = await FailureAsync(xml);

        var line = xml[..xml.IndexOf("Tom & Jerry", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.StartsWith("malformed XML:", e.Reason, StringComparison.Ordinal);
        Assert.Equal(line, e.Position?.Line);
    }

    [Fact]
    public async Task Mismatched_end_tag_fails_as_malformed()
    {
        var xml = Collection(Paper("1", title: "Bad <i>nesting</b>"));

        SourceFormatException e = await FailureAsync(xml);

        Assert.StartsWith("malformed XML:", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_type_definitions_are_refused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE collection [<!ENTITY lol "lol">]>
            <collection id="2023.test"><volume id="1"><paper id="1"><title>&lol;</title></paper></volume></collection>
            """;

        SourceFormatException e = await FailureAsync(xml, format: "acl-anthology-xml");

        Assert.StartsWith("malformed XML:", e.Reason, StringComparison.Ordinal);
        Assert.Contains("DTD", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_collections_run_together_fail()
    {
        var one = Collection(Paper("1"));

        SourceFormatException e = await FailureAsync(one + one);

        Assert.StartsWith("malformed XML:", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_xml_forced_as_this_format_fails_naming_the_root()
    {
        SourceFormatException e = await FailureAsync("<?xml version='1.0'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", format: "acl-anthology-xml");

        Assert.Equal("not an ACL Anthology collection: the root is <feed>, not <collection>", e.Reason);
        Assert.Equal(2, e.Position?.Line);
    }

    [Fact]
    public async Task Plain_text_forced_as_this_format_fails_as_malformed_not_truncated()
    {
        SourceFormatException e = await FailureAsync("Daily Papers\n\nDec 8\n", format: "acl-anthology-xml");

        Assert.StartsWith("malformed XML:", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_that_is_not_a_collection_is_not_recognised()
    {
        SourceFormatException e = await FailureAsync("<?xml version='1.0'?>\n<rss></rss>");

        Assert.StartsWith("unrecognised format", e.Reason, StringComparison.Ordinal);
    }
}
