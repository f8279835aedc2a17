using System.Text;
using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.ArxivAtom.ArxivAtomReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivAtom;

/// <summary>Responses that cannot be read at all fail as a whole, naming where and why.</summary>
public class ArxivAtomMalformedTests
{
    public static TheoryData<string, int> Cuts => new()
    {
        { Query, 9_000 },
        { Query, 20_000 },
        { Query, 35_000 },
        { Query2016, 12_345 },
        { OldStyleId, 3_000 },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Truncated_feed_fails_naming_the_line(string sample, int length)
    {
        var bytes = Sample(sample)[..length];

        SourceFormatException e = await FailureAsync(bytes);

        long lastLine = bytes.Count(b => b == (byte)'\n') + 1;
        Assert.Equal(lastLine, e.Position?.Line);
        Assert.StartsWith("malformed XML (column ", e.Reason, StringComparison.Ordinal);
        Assert.Contains($"line {lastLine}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_cut_right_after_an_entry_fails_instead_of_passing_for_a_shorter_one()
    {
        var text = SampleText(Query);
        var cut = text.IndexOf("</entry>", StringComparison.Ordinal) + "</entry>\n".Length;

        SourceFormatException e = await FailureAsync(text[..cut]);

        Assert.Contains("Unexpected end of file", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latin1_bytes_fail_as_not_utf8_naming_the_byte()
    {
        var text = SampleText(Query);
        var bytes = Encoding.Latin1.GetBytes(text.Replace("α", "a", StringComparison.Ordinal).Replace("β", "b", StringComparison.Ordinal));
        var firstAccent = Array.IndexOf(bytes, (byte)0xED); // í of Ramírez, inside the first KB read

        SourceFormatException e = await FailureAsync(bytes);

        Assert.StartsWith("not UTF-8 text", e.Reason, StringComparison.Ordinal);
        Assert.Equal(firstAccent, e.Position?.ByteOffset);
    }

    [Fact]
    public async Task Latin1_bytes_past_the_head_fail_as_not_utf8_after_the_entries_before_them()
    {
        // Past the text reader's 64 KB buffer, so that the parser has read entries before the bad byte.
        var filler = string.Concat(Enumerable.Range(0, 400).Select(i => Entry(id: $"http://arxiv.org/abs/2501.{10000 + i}v1")));
        var bytes = Encoding.Latin1.GetBytes(Feed(filler, Entry(id: "http://arxiv.org/abs/2502.00001v1", title: "Caf\u00e9 Society")));

        var entries = new List<SourceEntry>();
        SourceFormatException e = await Assert.ThrowsAsync<SourceFormatException>(async () =>
        {
            await foreach (SourceEntry entry in Reader.ReadAsync(new MemoryStream(bytes), SourceReading.Context(), cancellationToken: TestContext.Current.CancellationToken))
            {
                entries.Add(entry);
            }
        });

        Assert.StartsWith("not UTF-8 text", e.Reason, StringComparison.Ordinal);
        Assert.InRange(entries.Count, 1, 400);
    }

    [Fact]
    public async Task Document_type_declaration_is_refused_without_expanding_entities()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
              <entry><id>http://arxiv.org/abs/2501.01234v1</id><title>&lol2;</title><summary>x</summary></entry>
            </feed>
            """;

        SourceFormatException detected = await FailureAsync(laughs);
        SourceFormatException forced = await SourceReading.FailureAsync(new MemoryStream(Encoding.UTF8.GetBytes(laughs)), format: "arxiv-api-atom", reader: Reader);

        Assert.StartsWith("unrecognised format", detected.Reason, StringComparison.Ordinal);
        Assert.Contains("DTD is prohibited", forced.Reason, StringComparison.Ordinal);
        Assert.StartsWith("test-source: malformed XML: For security reasons DTD is prohibited", forced.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_entity_is_not_resolved()
    {
        const string external = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"><entry><title>&secret;</title></entry></feed>
            """;

        SourceFormatException e = await SourceReading.FailureAsync(new MemoryStream(Encoding.UTF8.GetBytes(external)), format: "arxiv-api-atom", reader: Reader);

        Assert.Contains("DTD is prohibited", e.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forcing_the_format_on_a_listing_feed_fails_naming_its_root()
    {
        var rss = SampleFiles.Fixture("arxiv-listing-feed/arxiv-rss-new.xml");

        SourceFormatException e = await SourceReading.FailureAsync(new MemoryStream(rss), format: "arxiv-api-atom", reader: Reader);

        Assert.Equal("not an arXiv API response (root element <rss>, not an Atom <feed>)", e.Reason);
        Assert.Equal(2, e.Position?.Line);
    }

    [Fact]
    public async Task Broken_tag_in_an_entry_fails_naming_its_line()
    {
        var text = SampleText(OldStyleId).Replace("<name>Susan Dorsher</name>", "<name>Susan Dorsher</nam>", StringComparison.Ordinal);

        SourceFormatException e = await FailureAsync(text);

        Assert.Equal(27, e.Position?.Line);
        Assert.Contains("'name'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_after_the_feed_fails()
    {
        SourceFormatException e = await FailureAsync(SampleText(Empty) + "<feed/>");

        Assert.StartsWith("malformed XML", e.Reason, StringComparison.Ordinal);
    }
}
