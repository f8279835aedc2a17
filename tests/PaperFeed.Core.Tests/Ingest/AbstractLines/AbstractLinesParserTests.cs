using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.AbstractLines;
using static PaperFeed.Core.Tests.Ingest.AbstractLines.AbstractLinesReading;

namespace PaperFeed.Core.Tests.Ingest.AbstractLines;

public class AbstractLinesParserTests
{
    private const string First = "Abstract: We study streaming parsers for paper metadata at scale.";

    private const string Second = "Abstract: Hard  wrapped\ttext &amp; <b>markup</b> stays text; $\\alpha &lt; 1$ too.";

    [Fact]
    public async Task Lines_that_are_not_abstracts_are_rejected_and_blank_lines_skipped()
    {
        List<SourceEntry> entries = await ReadAsync(
            $"{First}\n\n   \nTitle: Not an abstract\nAbstract:\nAbstract:   \t \n{Second}\n", AbstractLinesParser.FormatName);

        Assert.Equal([1L, 4L, 5L, 6L, 7L], entries.Select(entry => entry.Position.Line!.Value));
        Assert.Equal("the line does not start with \"Abstract:\"", entries[1].Rejection);
        Assert.Equal("empty abstract", entries[2].Rejection);
        Assert.Equal("empty abstract", entries[3].Rejection);
        Assert.NotNull(entries[0].Paper);
        Assert.NotNull(entries[4].Paper);
    }

    [Fact]
    public async Task Abstract_is_normalised_with_entities_decoded_once_and_markup_and_LaTeX_kept()
    {
        SourceEntry entry = Assert.Single(await ReadAsync(Second + "\n"));

        Assert.Equal("Hard wrapped text & <b>markup</b> stays text; $\\alpha < 1$ too.", entry.Paper!.Abstract);
        Assert.Equal("Hard wrapped text & <b>markup</b> stays text; $\\alpha < 1$ too", entry.Paper.Title);
        Assert.True(entry.Paper.TitleIsDerived);
    }

    [Theory]
    [InlineData("abstract: A lower case label is fine.", "A lower case label is fine.")]
    [InlineData("  ABSTRACT : Upper case with spaces is fine.", "Upper case with spaces is fine.")]
    [InlineData("\uFEFFAbstract:No space after the colon is fine.", "No space after the colon is fine.")]
    public async Task Label_is_read_in_any_case_and_spacing(string line, string abstractText)
    {
        SourceEntry entry = Assert.Single(await ReadAsync(line + "\n"));

        Assert.Equal(abstractText, entry.Paper!.Abstract);
    }

    [Fact]
    public async Task Duplicate_abstracts_both_come_through_for_the_store_to_merge()
    {
        List<SourceEntry> entries = await ReadAsync($"{First}\n{First}\n");

        Assert.Equal(2, entries.Count);
        Assert.Equal(entries[0].Paper, entries[1].Paper);
    }

    [Fact]
    public async Task Abstract_of_5_MB_on_one_line_is_read_whole()
    {
        var huge = string.Concat(Enumerable.Repeat("A sentence that pads the abstract. ", 150_000));

        List<SourceEntry> entries = await ReadAsync($"{First}\nAbstract: {huge}\n{First}\n");

        Assert.Equal(3, entries.Count);
        Assert.Equal(huge.Length - 1, entries[1].Paper!.Abstract.Length);
        Assert.Equal("A sentence that pads the abstract", entries[1].Paper!.Title);
    }

    [Fact]
    public async Task File_cut_inside_its_last_abstract_fails_naming_the_line()
    {
        SourceFormatException e = await FailureAsync($"{First}\n{First}\nAbstract: We show that the method is");

        Assert.Equal(3, e.Position?.Line);
        Assert.StartsWith("truncated", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_abstract_without_a_line_break_is_fine_when_it_ends_a_sentence()
    {
        List<SourceEntry> entries = await ReadAsync($"{First}\n{First}");

        Assert.Equal(2, entries.Count);
        Assert.All(entries, entry => Assert.Null(entry.Rejection));
    }

    [Fact]
    public async Task Latin1_bytes_fail_as_not_utf8()
    {
        var bytes = Encoding.Latin1.GetBytes($"{First}\nAbstract: Caf\u00e9 au lait, d\u00e9j\u00e0 vu.\n");

        SourceFormatException e = await FailureAsync(bytes);

        Assert.StartsWith("not UTF-8", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_without_any_abstract_fails_as_having_no_papers()
    {
        SourceFormatException e = await FailureAsync("Title: A\nTitle: B\n");

        Assert.Equal("no papers found", e.Reason);
    }

    [Fact]
    public void Abstract_lists_are_recognised()
    {
        var parser = new AbstractLinesParser();

        Assert.True(parser.Recognizes(Encoding.UTF8.GetString(SampleFiles.Fixture(Sample), 0, 8 * 1024)));
        Assert.True(parser.Recognizes("\n\n" + First + "\n"));
        Assert.True(parser.Recognizes("Abstract: " + new string('x', 9000)));
    }

    [Theory]
    [InlineData("Abstract: one\nTitle: two\n")]
    [InlineData("Title: A paper\nAbstract: Its abstract.\n")]
    [InlineData("{\"id\":\"2501.00001\",\"abstract\":\"Abstract: x\"}\n")]
    [InlineData("Dec 8\n\nAbstract: x\n")]
    [InlineData("")]
    public void Other_text_is_not_taken_for_an_abstract_list(string head) =>
        Assert.False(new AbstractLinesParser().Recognizes(head));

    [Fact]
    public void Daily_papers_samples_are_not_taken_for_an_abstract_list() =>
        Assert.All(SampleFiles.DailyPapersPages, page =>
            Assert.False(new AbstractLinesParser().Recognizes(Encoding.UTF8.GetString(SampleFiles.DailyPapers(page)))));
}
