using System.Text;
using PaperFeed.Core.Ingest.HuggingFace;
using static PaperFeed.Core.Tests.Ingest.HuggingFace.HuggingFaceReading;

namespace PaperFeed.Core.Tests.Ingest.HuggingFace;

public class HuggingFaceRecognitionTests
{
    private readonly HuggingFacePapersParser _parser = new();

    [Theory]
    [InlineData(DailyPapersSample)]
    [InlineData(SearchSample)]
    [InlineData(PaperSample)]
    [InlineData(DailyPaperItemSample)]
    public void Samples_are_recognised_from_their_first_8KB(string sample)
    {
        var bytes = SampleFiles.Fixture(sample);
        Assert.True(_parser.Recognizes(Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 8192)))));
    }

    [Fact]
    public void Paper_whose_upvotes_lie_past_the_head_is_recognised_by_its_Hub_author_list() =>
        Assert.True(_parser.Recognizes("""[{"paper": {"id": "2503.01493", "authors": [ { "_id": "67c6bc2a2f0a1b3c4d5e6f70", "name": "Fajri Koto" """));

    [Theory]
    [InlineData("""[{"paper":{"id":"2401.00001"},"upvotes":3}]""")]
    [InlineData("""  {"id":"2401.00001","summary":"S","upvotes" : 3}""")]
    public void Hugging_Face_keys_are_enough(string head) => Assert.True(_parser.Recognizes(head));

    [Theory]
    [InlineData("""{"id": "0704.0001", "submitter": "Pavel Nadolsky", "authors": "C. Bal\'azs", "title": "T", "abstract": "A"}""")]
    [InlineData("""{"id":"2401.00001","summary":"upvotes are great"}""")]
    [InlineData("""{"paper":"x","upvotes":1}""")]
    [InlineData("""[]""")]
    [InlineData("""<feed><entry><summary>"upvotes": 3, "paper": 1</summary></entry></feed>""")]
    [InlineData("Daily Papers\n\nDec 8\n")]
    [InlineData("")]
    public void Other_formats_are_not_claimed(string head) => Assert.False(_parser.Recognizes(head));
}
