using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.DailyPapers.DailyPapersSampleTests;
using static PaperFeed.Core.Tests.Ingest.SourceReading;

namespace PaperFeed.Core.Tests.Ingest.DailyPapers;

/// <summary>Copies of the page that differ from the samples in the ways real copies plausibly do.</summary>
public class DailyPapersLayoutTests
{
    private const string Header = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nDec 8\n\n";

    private static readonly string AbstractA = Abstract("first");
    private static readonly string AbstractB = Abstract("second");
    private static readonly string AbstractC = Abstract("third");

    [Fact]
    public async Task Windows_line_endings_parse_like_unix_ones()
    {
        var page = Encoding.UTF8.GetString(SampleFiles.DailyPapers(SampleFiles.DailyPapers003));

        List<SourceEntry> crlf = await ReadAllAsync(page.Replace("\n", "\r\n", StringComparison.Ordinal));
        List<SourceEntry> cr = await ReadAllAsync(page.Replace("\n", "\r", StringComparison.Ordinal));

        List<SourceEntry> lf = await ReadAllAsync(page);
        Assert.Equal(lf, crlf);
        Assert.Equal(lf, cr);
    }

    [Fact]
    public async Task Line_breaks_split_across_reads_count_once()
    {
        var crlf = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SampleFiles.DailyPapers(SampleFiles.DailyPapers003)).Replace("\n", "\r\n", StringComparison.Ordinal));

        List<SourceEntry> trickled = await ReadAllAsync(new TrickleStream(crlf, maxBytesPerRead: 3));

        Assert.Equal(await ReadAllAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers003)), trickled);
    }

    [Fact]
    public async Task Extra_blank_lines_spaces_and_unknown_header_lines_are_tolerated()
    {
        var page =
            "  Hugging Face  \n\nModels\tDatasets\tSpaces\n\n\n\nnew\nGet trending papers in your email inbox!\n\n\n"
            + "Trending Papers\n\n   Dec 8   \n\n\n\nPrevious\n\nNext\n\n\n"
            + " Title A \n\n\n\n  " + AbstractA + "  \n\n\n\n"
            + "\tTitle B\t\n\n" + AbstractB + "\n\n\n";

        List<SourceEntry> entries = await ReadAllAsync(page);

        Assert.Equal(["Title A", "Title B"], entries.Select(entry => entry.Paper!.Title));
        Assert.Equal(AbstractA, entries[0].Paper!.Abstract);
        Assert.Equal(22, entries[0].Position.Line);
    }

    [Fact]
    public async Task Page_without_any_header_marker_is_recognised_by_its_shape()
    {
        var page = "Dec 8\n\nTitle A\n\n" + AbstractA + "\n\nTitle B\n\n" + AbstractB;

        List<SourceEntry> entries = await ReadAllAsync(page);

        Assert.Equal(2, entries.Count);
        Assert.Equal(Utc(2025, 12, 8), entries[1].Paper!.PublishedAt);
    }

    [Fact]
    public async Task Submitted_by_lines_and_comment_counts_are_skipped()
    {
        var page = Header
            + "Title A\n\nSubmitted by akhaliq\n\n" + AbstractA + "\n\n  • 3 authors\n·\nNov 27, 2024 12\n\n3 comments\n\n"
            + "Title B\n\nSubmitted by someone else\n\n" + AbstractB + "\n\n  • 1 author\n·\nMay 20\n";

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.Equal(2, papers.Count);
        Assert.Equal((3, 12, Utc(2024, 11, 27)), (papers[0].AuthorCount, papers[0].Upvotes, papers[0].PublishedAt));
        Assert.Equal((1, (int?)null, Utc(2025, 5, 20)), (papers[1].AuthorCount, papers[1].Upvotes, papers[1].PublishedAt));
    }

    [Fact]
    public async Task Metadata_block_run_together_on_one_line_is_read_in_parts()
    {
        var page = Header
            + "Title A\n\n" + AbstractA + "\n\n• 3 authors · Nov 27, 2024 12\n\n"
            + "Title B · A Subtitle\n\n" + AbstractB + "\n\n· 1 author · Published on May 20\n";

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.Equal(["Title A", "Title B · A Subtitle"], papers.Select(paper => paper.Title));
        Assert.Equal((3, 12, Utc(2024, 11, 27)), (papers[0].AuthorCount, papers[0].Upvotes, papers[0].PublishedAt));
        Assert.Equal((1, Utc(2025, 5, 20)), (papers[1].AuthorCount, papers[1].PublishedAt));
    }

    [Theory]
    [InlineData("Dec 8")]
    [InlineData("December 8")]
    [InlineData("Monday, Dec 8")]
    [InlineData("Dec 8, 2025")]
    public async Task Page_date_may_be_written_in_several_ways(string pageDate)
    {
        var page = "Daily Papers\n\nby AK and the research community\n\n" + pageDate + "\n\nTitle A\n\n" + AbstractA;

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.Equal(Utc(2025, 12, 8), papers[0].PublishedAt);
    }

    [Fact]
    public async Task Upvotes_alone_on_a_line_before_each_title_belong_to_that_title()
    {
        var page = Header + "42\n\nTitle A\n\n" + AbstractA + "\n\n7\n\nTitle B\n\n" + AbstractB + "\n";

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.Equal([42, 7], papers.Select(paper => paper.Upvotes));
    }

    [Fact]
    public async Task Upvotes_alone_on_a_line_after_each_paper_belong_to_that_paper()
    {
        var page = Header + "Title A\n\n" + AbstractA + "\n\n42\n\nTitle B\n\n" + AbstractB + "\n\n7\n";

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.Equal([42, 7], papers.Select(paper => paper.Upvotes));
    }

    [Fact]
    public async Task Entities_are_decoded_and_markup_stays_text()
    {
        var page = Header
            + "Q&amp;A with <script>alert('x')</script> &lt;b&gt;\n\n"
            + "We test <b>bold</b> claims &amp; <img src=x onerror=alert(1)> payloads with $\\mathcal{O}(n)$ cost.\n\n"
            + "Title B\n\n" + AbstractB;

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.Equal("Q&A with <script>alert('x')</script> <b>", papers[0].Title);
        Assert.Equal("We test <b>bold</b> claims & <img src=x onerror=alert(1)> payloads with $\\mathcal{O}(n)$ cost.", papers[0].Abstract);
    }

    [Fact]
    public async Task Duplicate_titles_are_both_returned()
    {
        var page = Header + "Same Title\n\n" + AbstractA + "\n\nSame Title\n\n" + AbstractB;

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.Equal(["Same Title", "Same Title"], papers.Select(paper => paper.Title));
        Assert.NotEqual(papers[0].Abstract, papers[1].Abstract);
    }

    [Fact]
    public async Task Title_without_abstract_mid_file_is_rejected_and_the_rest_parsed()
    {
        var page = Header + "Title A\n\n" + AbstractA + "\n\nLonely Title\n\nTitle C\n\n" + AbstractC;

        List<SourceEntry> entries = await ReadAllAsync(page);

        Assert.Equal(3, entries.Count);
        Assert.Equal("Title A", entries[0].Paper!.Title);
        Assert.Null(entries[1].Paper);
        Assert.Equal(17, entries[1].Position.Line);
        Assert.Equal("title without an abstract: \"Lonely Title\"", entries[1].Rejection);
        Assert.Equal("Title C", entries[2].Paper!.Title);
        Assert.Equal(AbstractC, entries[2].Paper!.Abstract);
    }

    [Fact]
    public async Task Title_without_abstract_on_a_page_with_metadata_is_rejected_and_the_rest_parsed()
    {
        var page = Encoding.UTF8.GetString(SampleFiles.DailyPapers(SampleFiles.DailyPapers003));
        var secondAbstract = page.Split('\n')[22];
        var withoutIt = page.Replace(secondAbstract + "\n", "", StringComparison.Ordinal);

        List<SourceEntry> entries = await ReadAllAsync(withoutIt);

        Assert.Equal(48, entries.Count);
        Assert.Equal(21, entries[1].Position.Line);
        Assert.StartsWith("title without an abstract: \"An Emulator for Fine-Tuning", entries[1].Rejection, StringComparison.Ordinal);
        Assert.Equal(47, entries.Count(entry => entry.Paper is not null));
        Assert.Equal("WellDunn: On the Robustness and Explainability", entries[2].Paper!.Title[..46]);
    }

    [Fact]
    public async Task Abstract_without_title_is_rejected_and_the_rest_parsed()
    {
        var page = Header
            + "Title A\n\n" + AbstractA + "\n\n  • 3 authors\n·\nNov 27, 2024\n\n"
            + AbstractB + "\n\n  • 2 authors\n·\nNov 28, 2024\n\n"
            + "Title C\n\n" + AbstractC + "\n\n  • 1 authors\n·\nNov 29, 2024";

        List<SourceEntry> entries = await ReadAllAsync(page);

        Assert.Equal(["Title A", null, "Title C"], entries.Select(entry => entry.Paper?.Title));
        Assert.Equal("abstract without a title", entries[1].Rejection);
        Assert.Equal(21, entries[1].Position.Line);
    }

    [Fact]
    public async Task Five_megabyte_abstract_parses()
    {
        var huge = string.Concat(Enumerable.Repeat("All work and no play makes a long abstract. ", 120_000)).TrimEnd();
        var page = Header + "Title A\n\n" + huge + "\n\nTitle B\n\n" + AbstractB;

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.True(huge.Length > 5_000_000);
        Assert.Equal(huge, papers[0].Abstract);
        Assert.Equal("Title B", papers[1].Title);
    }

    [Fact]
    public async Task Line_too_long_to_hold_fails_naming_it()
    {
        var page = Header + "Title A\n\n" + new string('x', 33 * 1024 * 1024);

        SourceFormatException e = await FailureAsync(page);

        Assert.StartsWith("line longer than", e.Reason, StringComparison.Ordinal);
        Assert.Equal(15, e.Position?.Line);
    }

    [Fact]
    public async Task Page_with_a_header_but_no_papers_fails()
    {
        SourceFormatException e = await FailureAsync(Header);

        Assert.Equal("no papers found", e.Reason);
    }

    [Fact]
    public async Task Page_without_its_date_fails_naming_the_first_abstract()
    {
        var page = "Daily Papers\n\nbyAK and the research community\n\nTitle A\n\n" + AbstractA + "\n\nTitle B\n\n" + AbstractB;

        SourceFormatException e = await FailureAsync(page);

        Assert.StartsWith("no page date header", e.Reason, StringComparison.Ordinal);
        Assert.Equal(7, e.Position?.Line);
    }

    [Fact]
    public async Task Page_date_that_does_not_exist_fails()
    {
        SourceFormatException e = await FailureAsync(Header.Replace("Dec 8", "Feb 30", StringComparison.Ordinal) + "Title A\n\n" + AbstractA);

        Assert.Equal("the page date \"Feb 30\" does not exist", e.Reason);
        Assert.Equal(11, e.Position?.Line);
    }

    [Fact]
    public async Task Paper_date_that_does_not_exist_is_rejected()
    {
        var page = Header
            + "Title A\n\n" + AbstractA + "\n\n  • 3 authors\n·\nFeb 30, 2023\n\n"
            + "Title B\n\n" + AbstractB + "\n\n  • 2 authors\n·\nFeb 28, 2023";

        List<SourceEntry> entries = await ReadAllAsync(page);

        Assert.Equal("no such date: \"Feb 30, 2023\"", entries[0].Rejection);
        Assert.Equal(Utc(2023, 2, 28), entries[1].Paper!.PublishedAt);
    }

    [Fact]
    public async Task February_29_without_a_year_is_in_the_latest_leap_year_before_the_page_date()
    {
        var page = Header + "Title A\n\n" + AbstractA + "\n\n  • 3 authors\n·\nFeb 29 5\n";

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.Equal(Utc(2024, 2, 29), papers[0].PublishedAt);
        Assert.Equal(5, papers[0].Upvotes);
    }

    [Fact]
    public async Task Page_date_with_a_year_is_taken_as_printed()
    {
        var page = Header.Replace("Dec 8", "Dec 8, 2023", StringComparison.Ordinal) + "Title A\n\n" + AbstractA + "\n\n  • 3 authors\n·\nMar 1\n";

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.Equal(Utc(2023, 3, 1), papers[0].PublishedAt);
    }

    [Fact]
    public async Task Two_metadata_blocks_under_one_title_are_rejected()
    {
        var page = Header
            + "Title A\n\n  • 3 authors\n·\nNov 27, 2024\n\n" + AbstractB + "\n\n  • 2 authors\n·\nNov 28, 2024\n\n"
            + "Title C\n\n" + AbstractC + "\n\n  • 1 authors\n·\nNov 29, 2024";

        List<SourceEntry> entries = await ReadAllAsync(page);

        Assert.Equal("two metadata blocks for one paper (a title or an abstract is missing)", entries[0].Rejection);
        Assert.Equal("Title C", entries[1].Paper!.Title);
    }

    [Fact]
    public async Task Short_abstract_ending_a_sentence_is_taken_as_the_abstract()
    {
        var page = Header + "Title A\n\nWithdrawn.\n\nTitle B\n\n" + AbstractB;

        List<PaperRecord> papers = await PapersAsync(Encoding.UTF8.GetBytes(page));

        Assert.Equal("Withdrawn.", papers[0].Abstract);
    }

    // As long as real abstracts (300 characters and more), which is what sets them apart from titles.
    private static string Abstract(string which) =>
        $"This {which} abstract describes a method for training language models with less data. We evaluate it on "
        + "several benchmarks and report results that improve on strong baselines by a clear margin, at a fraction "
        + "of their cost. An ablation study shows which parts of the method matter most, and the code and the data "
        + "are released for others to use.";
}
