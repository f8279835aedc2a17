using System.Text;
using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.ArxivListing.ArxivListingReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivListing;

/// <summary>Feeds that cannot be read at all fail as a whole, naming where and why.</summary>
public class ArxivListingMalformedTests
{
    [Theory]
    [InlineData(New, 5_000)]
    [InlineData(New, 12_000)]
    [InlineData(New, 24_500)]
    [InlineData(Empty, 700)]
    [InlineData(Error, 600)]
    public async Task Truncated_feed_fails_naming_the_line(string sample, int length)
    {
        var bytes = Sample(sample)[..length];

        SourceFormatException e = await FailureAsync(bytes);

        long lastLine = bytes.Count(b => b == (byte)'\n') + 1;
        Assert.Equal(lastLine, e.Position?.Line);
        Assert.StartsWith("malformed XML (column ", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_cut_right_after_an_item_fails_instead_of_passing_for_a_shorter_one()
    {
        var text = SampleText(New);
        var cut = text.IndexOf("</item>", StringComparison.Ordinal) + "</item>\n".Length;

        SourceFormatException e = await FailureAsync(text[..cut]);

        Assert.Contains("Unexpected end of file", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latin1_bytes_fail_as_not_utf8()
    {
        var bytes = Encoding.Latin1.GetBytes(Channel(Item(title: "Poincaré duality, written with a Latin-1 é")));

        SourceFormatException e = await FailureAsync(bytes);

        Assert.StartsWith("not UTF-8 text", e.Reason, StringComparison.Ordinal);
        Assert.Equal(Array.IndexOf(bytes, (byte)0xE9), e.Position?.ByteOffset);
    }

    [Fact]
    public async Task Forcing_the_format_on_an_api_response_reads_its_entries_as_plain_atom()
    {
        var atom = SampleFiles.Fixture("arxiv-api-atom/arxiv-api-query.atom.xml");

        List<SourceEntry> entries = await SourceReading.ReadAllAsync(new MemoryStream(atom), format: "arxiv-listing-feed", reader: Reader);

        // An Atom feed is a listing's shape too; its entries have no announcement head and API ids, which
        // still read as arXiv papers. What matters is that nothing is lost or invented.
        Assert.Equal(15, entries.Count);
        Assert.All(entries, entry => Assert.Equal("arxiv-listing-feed", entry.Paper!.Source));
    }

    [Fact]
    public async Task Forcing_the_format_on_other_xml_fails_naming_its_root()
    {
        const string oai = "<?xml version=\"1.0\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2015-03-26T22:02:38Z</responseDate></OAI-PMH>";

        SourceFormatException e = await SourceReading.FailureAsync(new MemoryStream(Encoding.UTF8.GetBytes(oai)), format: "arxiv-listing-feed", reader: Reader);

        Assert.Equal("not an arXiv listing feed (root element <OAI-PMH>, not <rss> or an Atom <feed>)", e.Reason);
        Assert.Equal(2, e.Position?.Line);
    }

    [Fact]
    public async Task Document_type_declaration_is_refused()
    {
        var withDtd = Channel(Item()).Replace("<rss ", "<!DOCTYPE rss [<!ENTITY x \"y\">]>\n<rss ", StringComparison.Ordinal);

        SourceFormatException e = await SourceReading.FailureAsync(new MemoryStream(Encoding.UTF8.GetBytes(withDtd)), format: "arxiv-listing-feed", reader: Reader);

        Assert.Contains("DTD is prohibited", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_channel_fails_even_when_it_has_items()
    {
        var text = Channel(Item()).Replace("<title>cs.CL updates on arXiv.org</title>", "<title>Feed error for query: http://rss.arxiv.org/rss/cs.XX</title>", StringComparison.Ordinal)
            .Replace("<description>cs.CL updates on the arXiv.org e-print archive.</description>", "<description>Bad category 'cs.XX'.</description>", StringComparison.Ordinal);

        SourceFormatException e = await FailureAsync(text);

        Assert.Equal("arXiv feed error: Bad category 'cs.XX'.", e.Reason);
    }
}
