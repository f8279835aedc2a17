using System.Text;
using PaperFeed.Core.Ingest.ArxivListing;
using static PaperFeed.Core.Tests.Ingest.ArxivListing.ArxivListingReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivListing;

public class ArxivListingRecognitionTests
{
    private readonly ArxivListingParser _parser = new();

    public static TheoryData<string> ListingSamples => [New, Empty, Error];

    [Theory]
    [MemberData(nameof(ListingSamples))]
    public void Every_listing_feed_is_recognised_from_its_first_kilobyte(string sample)
    {
        var text = SampleText(sample);

        Assert.True(_parser.Recognizes(text));
        Assert.True(_parser.Recognizes(text[..Math.Min(text.Length, 4096)]));
        Assert.True(_parser.Recognizes(text[..Math.Min(text.Length, 1024)]));
    }

    [Theory]
    [InlineData("arxiv-api-query.atom.xml")]
    [InlineData("arxiv-api-query-2016.atom.xml")]
    [InlineData("arxiv-api-query-empty.atom.xml")]
    [InlineData("arxiv-api-error.atom.xml")]
    [InlineData("arxiv-api-query-oldstyle-id.atom.xml")]
    public void Api_responses_are_not_listings(string sample)
    {
        var text = Encoding.UTF8.GetString(SampleFiles.Fixture($"arxiv-api-atom/{sample}"));

        Assert.False(_parser.Recognizes(text));
        Assert.False(_parser.Recognizes(text[..Math.Min(text.Length, 4096)]));
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>cs.CL</title><link>https://export.arxiv.org/rss/cs.CL</link>")]
    [InlineData("<?xml version='1.0'?>\n<!-- served by arXiv -->\n<rss version=\"2.0\">\n<channel>\n<link>https://rss.arxiv.org/rss/cs.CL</link>")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>http://arxiv.org/rss/version=atom_1.0</id><title>cs updates on arXiv.org</title>")]
    public void Listing_heads_of_other_vintages_are_recognised(string head)
    {
        Assert.True(_parser.Recognizes(head));
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>A blog about arxiv.org</title><link>https://blog.example.org/</link><item><link>https://arxiv.org/abs/2501.01234</link></item>")]
    [InlineData("<rss version=\"2.0\"><channel><title>Fake</title><link>https://notarxiv.org/rss</link>")]
    [InlineData("<?xml version=\"1.0\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><request verb=\"ListRecords\">http://export.arxiv.org/oai2</request>")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\"><id>https://arxiv.org/api/x</id><link href=\"http://rss.arxiv.org/rss/cs\"/>")]
    [InlineData("{\"title\": \"<rss><channel><link>http://rss.arxiv.org/rss/cs</link>\"}")]
    [InlineData("Daily Papers\n\nDec 8\n\n<rss> feeds of rss.arxiv.org considered\n\nAn abstract.")]
    [InlineData("")]
    public void Other_documents_are_not_listings(string head)
    {
        Assert.False(_parser.Recognizes(head));
    }

    [Fact]
    public void Format_is_named_for_the_command_line()
    {
        Assert.Equal("arxiv-listing-feed", _parser.Format);
        Assert.Contains("arxiv-listing-feed", Reader.Formats);
    }
}
