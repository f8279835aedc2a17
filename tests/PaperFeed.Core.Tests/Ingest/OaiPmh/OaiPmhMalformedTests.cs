using System.IO.Compression;
using System.Text;
using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.OaiPmh.OaiPmhReading;

namespace PaperFeed.Core.Tests.Ingest.OaiPmh;

/// <summary>Responses that cannot be read at all fail as a whole, naming the line and the reason.</summary>
public class OaiPmhMalformedTests
{
    public static TheoryData<string, int> Cuts()
    {
        var cuts = new TheoryData<string, int>();
        foreach (var sample in new[] { ArxivSample, Arxiv2017Sample, ArxivRawSample })
        {
            // From the first element after the root's start tag: shorter heads are not recognised as OAI-PMH at all.
            var bytes = SampleFiles.Fixture(sample);
            var length = bytes.Length;
            for (var cut = bytes.AsSpan().IndexOf("<responseDate>"u8); cut < length - 1; cut += 397)
            {
                cuts.Add(sample, cut);
            }

            cuts.Add(sample, length - 2); // "</OAI-PMH" without its ">"
        }

        return cuts;
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Truncated_response_fails_naming_the_line_where_it_stops(string sample, int length)
    {
        var bytes = SampleFiles.Fixture(sample)[..length];

        SourceFormatException e = await FailureAsync(bytes);

        long lineOfCut = bytes.Count((byte)'\n') + 1;
        Assert.StartsWith("malformed or truncated XML: ", e.Reason, StringComparison.Ordinal);
        Assert.Equal(lineOfCut, e.Position?.Line);
        Assert.Contains($"line {lineOfCut}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_before_a_cut_are_returned_before_the_failure()
    {
        var bytes = SampleFiles.Fixture(ArxivRawSample);
        var cut = Encoding.UTF8.GetString(bytes).IndexOf("<record>", 3000, StringComparison.Ordinal) + 100;
        var entries = new List<SourceEntry>();

        await Assert.ThrowsAsync<SourceFormatException>(async () =>
        {
            await foreach (SourceEntry entry in new PaperSourceReader([new Core.Ingest.OaiPmh.OaiPmhParser()])
                .ReadAsync(new MemoryStream(bytes[..cut]), SourceReading.Context(), cancellationToken: TestContext.Current.CancellationToken))
            {
                entries.Add(entry);
            }
        });

        Assert.NotEmpty(entries);
        Assert.All(entries, entry => Assert.NotNull(entry.Paper));
    }

    [Fact]
    public async Task Mismatched_tags_fail_naming_the_line()
    {
        var xml = ListRecords(RawRecord(), RawRecord(id: "2401.00002").Replace("</title>", "</titel>", StringComparison.Ordinal));

        SourceFormatException e = await FailureAsync(xml);

        Assert.Equal(7, e.Position?.Line);
        Assert.Contains("titel", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latin1_bytes_in_the_head_fail_as_not_UTF8()
    {
        var xml = ListRecords(RawRecord(authors: "Henri Poincar\u00e9"));

        SourceFormatException e = await FailureAsync(Encoding.Latin1.GetBytes(xml));

        Assert.StartsWith("not UTF-8 text", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latin1_bytes_past_the_head_fail_as_not_UTF8_naming_the_byte()
    {
        string[] records = [.. Enumerable.Range(1, 40).Select(i => RawRecord(id: $"2401.{i:00000}")), RawRecord(id: "2401.00041", authors: "Henri Poincar\u00e9")];
        var bytes = Encoding.Latin1.GetBytes(ListRecords(records));

        SourceFormatException e = await FailureAsync(bytes);

        Assert.StartsWith("not UTF-8 text", e.Reason, StringComparison.Ordinal);
        var offset = Array.IndexOf(bytes, (byte)0xE9);
        Assert.InRange(e.Position!.ByteOffset!.Value, offset - 4, offset + 4);
    }

    [Fact]
    public async Task Gzipped_response_is_read()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(SampleFiles.Fixture(ArxivRawSample), TestContext.Current.CancellationToken);
        }

        Assert.Equal(6, (await ReadAllAsync(compressed.ToArray())).Count);
    }

    [Fact]
    public async Task Document_type_declarations_are_refused()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE OAI-PMH [<!ENTITY lol "lol">]>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords/></OAI-PMH>
            """;

        SourceFormatException e = await FailureAsync(xml);

        Assert.Equal("malformed or truncated XML: a document type declaration (<!DOCTYPE>), which is not allowed", e.Reason);
    }

    [Theory]
    [InlineData("""<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>""", "not an OAI-PMH 2.0 response: the root element is <feed> in namespace \"http://www.w3.org/2005/Atom\"")]
    [InlineData("""<OAI-PMH xmlns="http://www.openarchives.org/OAI/1.1/"/>""", "not an OAI-PMH 2.0 response: the root element is <OAI-PMH> in namespace \"http://www.openarchives.org/OAI/1.1/\"")]
    [InlineData("""<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2025-01-01</responseDate></OAI-PMH>""", "the response has neither a ListRecords or GetRecord element nor an error")]
    [InlineData("""<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListIdentifiers><header/></ListIdentifiers></OAI-PMH>""", "an OAI-PMH ListIdentifiers response holds no records to read (harvest with verb=ListRecords)")]
    [InlineData("""<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="badArgument"/></OAI-PMH>""", "OAI-PMH error badArgument")]
    public async Task Response_that_is_not_a_record_list_fails_with_the_reason(string xml, string reason) =>
        Assert.Equal(reason, (await FailureAsync(xml, format: "arxiv-oai-pmh")).Reason);

    [Fact]
    public async Task Forced_on_text_that_is_not_XML_fails_on_line_1()
    {
        SourceFormatException e = await SourceReading.FailureAsync(
            new MemoryStream("Daily Papers\n\nDec 8\n"u8.ToArray()), format: "arxiv-oai-pmh", reader: new PaperSourceReader([new Core.Ingest.OaiPmh.OaiPmhParser()]));

        Assert.Equal(1, e.Position?.Line);
        Assert.StartsWith("malformed or truncated XML", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_after_the_root_element_fails()
    {
        var xml = ListRecords(RawRecord()) + "<OAI-PMH/>\n";

        Assert.StartsWith("malformed or truncated XML", (await FailureAsync(xml)).Reason, StringComparison.Ordinal);
    }
}
