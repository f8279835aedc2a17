using System.Text;
using PaperFeed.Core.Ingest.OaiPmh;
using static PaperFeed.Core.Tests.Ingest.OaiPmh.OaiPmhReading;

namespace PaperFeed.Core.Tests.Ingest.OaiPmh;

public class OaiPmhRecognitionTests
{
    private readonly OaiPmhParser _parser = new();

    [Theory]
    [InlineData(ArxivSample)]
    [InlineData(Arxiv2017Sample)]
    [InlineData(ArxivRawSample)]
    [InlineData(BadResumptionTokenSample)]
    [InlineData(NoRecordsMatchSample)]
    public void Samples_and_error_responses_are_recognised(string sample)
    {
        var bytes = SampleFiles.Fixture(sample);
        Assert.True(_parser.Recognizes(Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 8192)))));
    }

    [Theory]
    [InlineData("\uFEFF\n  <oai:OAI-PMH xmlns:oai=\"http://www.openarchives.org/OAI/2.0/\">")]
    [InlineData("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"/>")]
    public void Prefixed_or_empty_roots_are_recognised(string head) => Assert.True(_parser.Recognizes(head));

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>OAI-PMH</title></feed>")]
    [InlineData("<rss version=\"2.0\"><channel><description>see http://www.openarchives.org/OAI/2.0/</description></channel></rss>")]
    [InlineData("{\"OAI-PMH\": \"http://www.openarchives.org/OAI/2.0/\"}")]
    [InlineData("Daily Papers\n\nDec 8\n")]
    [InlineData("")]
    public void Other_formats_are_not_claimed(string head) => Assert.False(_parser.Recognizes(head));
}
