using System.Text;
using PaperFeed.Core.Ingest.ArxivAtom;
using static PaperFeed.Core.Tests.Ingest.ArxivAtom.ArxivAtomReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivAtom;

public class ArxivAtomRecognitionTests
{
    private readonly ArxivAtomParser _parser = new();

    public static TheoryData<string> ApiSamples => [Query, OldStyleId, Query2016, Empty, Error];

    [Theory]
    [MemberData(nameof(ApiSamples))]
    public void Every_api_response_is_recognised_from_its_first_kilobyte(string sample)
    {
        var text = SampleText(sample);

        Assert.True(_parser.Recognizes(text));
        Assert.True(_parser.Recognizes(text[..Math.Min(text.Length, 4096)]));
        Assert.True(_parser.Recognizes(text[..Math.Min(text.Length, 1024)]));
    }

    [Theory]
    [InlineData("arxiv-rss-new.xml")]
    [InlineData("arxiv-rss-empty.xml")]
    [InlineData("arxiv-rss-error.xml")]
    public void Listing_feeds_are_not_api_responses(string sample)
    {
        var text = Encoding.UTF8.GetString(SampleFiles.Fixture($"arxiv-listing-feed/{sample}"));

        Assert.False(_parser.Recognizes(text));
        Assert.False(_parser.Recognizes(text[..Math.Min(text.Length, 4096)]));
    }

    [Fact]
    public void Atom_listing_feed_of_rss_arxiv_org_is_not_an_api_response()
    {
        // The Atom flavour of the listing feed declares the arxiv namespace too; its own address tells it apart.
        const string head = """
            <?xml version='1.0' encoding='UTF-8'?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <id>http://rss.arxiv.org/atom/cs.CL</id>
              <title>cs.CL updates on arXiv.org</title>
              <link href="http://rss.arxiv.org/atom/cs.CL" rel="self" type="application/atom+xml"/>
              <entry>
                <id>oai:arXiv.org:2501.01234v1</id>
            """;

        Assert.False(_parser.Recognizes(head));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n<responseDate>2015-03-26T22:02:38Z</responseDate>\n<request verb=\"ListRecords\">http://export.arxiv.org/oai2</request>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>A blog</title>\n<id>https://example.org/</id>\n<entry><id>https://example.org/1</id></entry>")]
    [InlineData("[{\"paper\":{\"id\":\"2606.00467\",\"title\":\"<feed xmlns:opensearch=\\\"http://a9.com/-/spec/opensearch/1.1/\\\">\"}}]")]
    [InlineData("Daily Papers\n\nDec 8\n\nA title about <feed> elements and arxiv.org/api queries\n\nAn abstract.")]
    [InlineData("<html><head><title>arXiv Query</title></head><body>http://a9.com/-/spec/opensearch/1.1/ arxiv.org/api</body></html>")]
    [InlineData("")]
    public void Other_documents_are_not_api_responses(string head)
    {
        Assert.False(_parser.Recognizes(head));
    }

    [Fact]
    public void Head_cut_inside_the_feed_start_tag_is_not_recognised()
    {
        Assert.False(_parser.Recognizes("<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" xmlns=\"http://www.w3.org/2005/At"));
    }

    [Fact]
    public void Reader_picks_this_parser_for_api_responses_among_the_others()
    {
        Assert.Equal("arxiv-api-atom", _parser.Format);
        Assert.Contains("arxiv-api-atom", Reader.Formats);
    }
}
