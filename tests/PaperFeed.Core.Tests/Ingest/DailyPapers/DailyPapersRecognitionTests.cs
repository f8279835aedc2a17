using System.Text;
using PaperFeed.Core.Ingest.DailyPapers;

namespace PaperFeed.Core.Tests.Ingest.DailyPapers;

public class DailyPapersRecognitionTests
{
    private static readonly string LongAbstract = string.Concat(Enumerable.Repeat("We study a problem and propose a method. ", 8));

    private readonly DailyPapersPageParser _parser = new();

    [Theory]
    [InlineData(SampleFiles.DailyPapers001)]
    [InlineData(SampleFiles.DailyPapers002)]
    [InlineData(SampleFiles.DailyPapers003)]
    public void Sample_pages_are_recognised_from_their_first_KB(string sample) =>
        Assert.True(_parser.Recognizes(Encoding.UTF8.GetString(SampleFiles.DailyPapers(sample).AsSpan(0, 8192))));

    [Theory]
    [InlineData("Daily Papers\n\nsomething")]
    [InlineData("Get trending papers in your email inbox!\n")]
    [InlineData("\r\n  byAK and the research community\r\n")]
    public void Any_header_marker_is_enough(string head) => Assert.True(_parser.Recognizes(head));

    [Fact]
    public void Page_without_header_is_recognised_by_a_date_then_title_and_paragraph() =>
        Assert.True(_parser.Recognizes("Dec 8\n\nA Title: With a Subtitle\n\n" + LongAbstract + "\n\nNext Title\n"));

    [Theory]
    [InlineData("{\"title\": \"Daily Papers\", \"summary\": \"Get trending papers in your email inbox\"}")]
    [InlineData("[{\"paper\": {\"id\": \"2301.00001\"}}]")]
    [InlineData("{\"id\": \"2301.00001\"}\n{\"id\": \"2301.00002\"}\n")]
    [InlineData("<?xml version=\"1.0\"?>\n<feed><title>Daily Papers</title></feed>")]
    [InlineData("<!DOCTYPE html><html><body>Get trending papers in your email inbox!</body></html>")]
    [InlineData("")]
    [InlineData("Just a note.\n")]
    public void Other_formats_are_not_claimed(string head) => Assert.False(_parser.Recognizes(head));

    [Fact]
    public void Labelled_title_and_abstract_lists_are_not_claimed() =>
        Assert.False(_parser.Recognizes("Dec 8\n\nTitle: A Paper\n\nAbstract: " + LongAbstract + "\n\nTitle: Another\n"));

    [Fact]
    public void Abstract_lines_without_a_date_are_not_claimed() =>
        Assert.False(_parser.Recognizes("A Paper\n\n" + LongAbstract + "\n\nAnother Paper\n\n" + LongAbstract));
}
