using PaperFeed.Web.HuggingFace;

namespace PaperFeed.IntegrationTests.HuggingFace;

public sealed class HighlightedTextTests
{
    [Fact]
    public void Each_whole_word_occurrence_of_a_query_word_is_highlighted_in_any_case()
    {
        var segments = HighlightedText.Mark("Kazakh and Russian: a KAZAKH corpus from Kazakhstan", "kazakh corpus");

        Assert.Equal(
            [("highlight", "Kazakh"), ("text", " and Russian: a "), ("highlight", "KAZAKH"), ("text", " "), ("highlight", "corpus"), ("text", " from Kazakhstan")],
            segments.Select(s => (s.Type, s.Text)));
    }

    [Theory]
    [InlineData("KazQAD: Kazakh Open-Domain Question Answering Dataset", "kazakh")]
    [InlineData("Regex (a+)+ and $x^2$ in [brackets]", "(a+)+ x^2 [brackets")]
    [InlineData("Nothing to see", "absent")]
    [InlineData("Punctuation only", "?!")]
    public void Segments_joined_give_the_text_back(string text, string query) =>
        Assert.Equal(text, string.Concat(HighlightedText.Mark(text, query).Select(s => s.Text)));

    [Fact]
    public void Text_without_a_match_is_one_plain_segment_and_empty_text_none()
    {
        Assert.Equal([HfTextSegment.Plain("Nothing to see")], HighlightedText.Mark("Nothing to see", "absent"));
        Assert.Empty(HighlightedText.Mark("", "absent"));
    }
}
