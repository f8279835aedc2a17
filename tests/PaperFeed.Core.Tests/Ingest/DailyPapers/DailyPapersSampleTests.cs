using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.SourceReading;

namespace PaperFeed.Core.Tests.Ingest.DailyPapers;

/// <summary>The three real page copies in samples/daily-papers, read in full.</summary>
public class DailyPapersSampleTests
{
    // Counted independently: abstracts are the only lines over 300 characters (awk 'length($0) > 300'), and
    // each page's non-blank lines are its header plus two lines per paper (five on 003, with the metadata).
    [Theory]
    [InlineData(SampleFiles.DailyPapers001, 51)]
    [InlineData(SampleFiles.DailyPapers002, 51)]
    [InlineData(SampleFiles.DailyPapers003, 48)]
    public async Task Each_sample_page_parses_completely(string sample, int papers)
    {
        List<SourceEntry> entries = await ReadAllAsync(SampleFiles.DailyPapers(sample));

        Assert.Equal(papers, entries.Count);
        Assert.All(entries, entry =>
        {
            Assert.Null(entry.Rejection);
            Assert.Equal("daily-papers-page", entry.Paper!.Source);
            Assert.NotEmpty(entry.Paper.Title);
            Assert.True(entry.Paper.Abstract.Length > 300);
            Assert.Empty(entry.Paper.Authors);
            Assert.Null(entry.Paper.ArxivId);
            Assert.Equal(DatePrecision.Day, entry.Paper.DatePrecision);
            Assert.Equal(TimeSpan.Zero, entry.Paper.PublishedAt!.Value.Offset);
            Assert.Equal(TimeOnly.MinValue, TimeOnly.FromDateTime(entry.Paper.PublishedAt.Value.UtcDateTime));
        });
    }

    [Fact]
    public async Task Papers_on_a_page_without_metadata_get_the_page_date_and_no_counts()
    {
        List<SourceEntry> entries = await ReadAllAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers001));

        SourceEntry first = entries[0];
        Assert.Equal(11, first.Position.Line);
        Assert.Equal("PortaSpeech: Portable and High-Quality Generative Text-to-Speech", first.Paper!.Title);
        Assert.StartsWith("Non-autoregressive text-to-speech (NAR-TTS) models such as FastSpeech 2", first.Paper.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("Our extensive ablation studies demonstrate that each design in PortaSpeech is effective.", first.Paper.Abstract, StringComparison.Ordinal);
        Assert.Equal(Utc(2025, 3, 12), first.Paper.PublishedAt);
        Assert.Null(first.Paper.AuthorCount);
        Assert.Null(first.Paper.Upvotes);

        SourceEntry last = entries[^1];
        Assert.Equal(211, last.Position.Line);
        Assert.Equal("Reasons to Reject? Aligning Language Models with Judgments", last.Paper!.Title);
        Assert.EndsWith("warrant future research.", last.Paper.Abstract, StringComparison.Ordinal);
        Assert.All(entries, entry => Assert.Equal(Utc(2025, 3, 12), entry.Paper!.PublishedAt));
    }

    [Fact]
    public async Task Titles_keep_non_ascii_letters_and_abstracts_keep_odd_text_as_is()
    {
        List<PaperRecord> page001 = await PapersAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers001));
        List<PaperRecord> page002 = await PapersAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers002));

        Assert.Contains(page001, paper => paper.Title == "NLoRA: Nyström-Initiated Low-Rank Adaptation for Large Language Models");
        PaperRecord setBased = Assert.Single(page002, paper => paper.Title.StartsWith("Set-Based Prompting", StringComparison.Ordinal));
        Assert.Contains("In this paper we present , a technique", setBased.Abstract, StringComparison.Ordinal);
        PaperRecord pixel = Assert.Single(page001, paper => paper.Title == "Pixel Sentence Representation Learning");
        Assert.EndsWith("https://github.com/gowitheflow-1998/Pixel-Linguist", pixel.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_002_with_the_Daily_Papers_line_starts_after_its_header()
    {
        List<SourceEntry> entries = await ReadAllAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers002));

        Assert.Equal(13, entries[0].Position.Line);
        Assert.StartsWith("NLEBench+NorGLM: A Comprehensive Empirical Analysis", entries[0].Paper!.Title, StringComparison.Ordinal);
        Assert.Equal(Utc(2025, 7, 29), entries[0].Paper!.PublishedAt);
        Assert.Equal("Multi-Modal Generative AI: Multi-modal LLM, Diffusion and Beyond", entries[^1].Paper!.Title);
        Assert.Equal(213, entries[^1].Position.Line);
    }

    [Fact]
    public async Task Metadata_blocks_give_author_count_date_and_upvotes()
    {
        List<SourceEntry> entries = await ReadAllAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers003));

        SourceEntry first = entries[0];
        Assert.Equal(13, first.Position.Line);
        Assert.Equal("Retrofitting (Large) Language Models with Dynamic Tokenization", first.Paper!.Title);
        Assert.StartsWith("Current language models (LMs) use a fixed, static subword tokenizer.", first.Paper.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("enabling more equitable and adaptable LMs.", first.Paper.Abstract, StringComparison.Ordinal);
        Assert.Equal(3, first.Paper.AuthorCount);
        Assert.Equal(Utc(2024, 11, 27), first.Paper.PublishedAt);
        Assert.Null(first.Paper.Upvotes);

        SourceEntry second = entries[1];
        Assert.Equal(21, second.Position.Line);
        Assert.Equal("An Emulator for Fine-Tuning Large Language Models using Small Language Models", second.Paper!.Title);
        Assert.Equal(5, second.Paper.AuthorCount);
        Assert.Equal(Utc(2023, 10, 19), second.Paper.PublishedAt);
        Assert.Equal(1, second.Paper.Upvotes);

        PaperRecord inverse = entries.Select(entry => entry.Paper!).Single(paper => paper.Title == "Inverse Scaling: When Bigger Isn't Better");
        Assert.Equal(27, inverse.AuthorCount);
        Assert.Equal(Utc(2023, 6, 15), inverse.PublishedAt);

        PaperRecord dpo = entries.Select(entry => entry.Paper!).Single(paper => paper.Title.StartsWith("Direct Preference Optimization", StringComparison.Ordinal));
        Assert.Equal(3, dpo.Upvotes);
        Assert.Equal(Utc(2023, 5, 29), dpo.PublishedAt);
    }

    [Fact]
    public async Task Dates_without_a_year_take_the_year_of_the_page_date()
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers003));

        // "Sep 2 1": September 2 with one upvote, in the year of the page's "Dec 8" (2025 when read on 2025-12-20).
        PaperRecord jointly = papers.Single(paper => paper.Title == "Jointly Reinforcing Diversity and Quality in Language Model Generations");
        Assert.Equal(Utc(2025, 9, 2), jointly.PublishedAt);
        Assert.Equal(1, jointly.Upvotes);
        Assert.Equal(8, jointly.AuthorCount);

        PaperRecord blab = papers.Single(paper => paper.Title == "BLAB: Brutally Long Audio Bench");
        Assert.Equal(Utc(2025, 5, 5), blab.PublishedAt);
        Assert.Null(blab.Upvotes);
        Assert.Equal(16, blab.AuthorCount);

        PaperRecord codeEnabled = papers.Single(paper => paper.Title.StartsWith("Code-enabled language models", StringComparison.Ordinal));
        Assert.Equal(Utc(2025, 10, 23), codeEnabled.PublishedAt);
    }

    [Fact]
    public async Task Last_paper_may_end_without_punctuation_when_its_metadata_follows()
    {
        List<SourceEntry> entries = await ReadAllAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers003));

        PaperRecord last = entries[^1].Paper!;
        Assert.Equal(389, entries[^1].Position.Line);
        Assert.StartsWith("BIOptimus: Pre-training an Optimal Biomedical Language Model", last.Title, StringComparison.Ordinal);
        Assert.EndsWith("We release our code and all pre-trained models", last.Abstract, StringComparison.Ordinal);
        Assert.Equal(2, last.AuthorCount);
        Assert.Equal(Utc(2023, 8, 16), last.PublishedAt);
    }

    [Theory]
    [InlineData("2025-12-07", 2024)] // the day before the page date's anniversary: last year's Dec 8
    [InlineData("2025-12-08", 2025)] // on the anniversary: this year's
    [InlineData("2026-12-07", 2025)]
    public async Task The_page_date_is_the_latest_such_day_not_after_today(string today, int pageYear)
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers003), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        PaperRecord jointly = papers.Single(paper => paper.Title.StartsWith("Jointly Reinforcing", StringComparison.Ordinal));
        Assert.Equal(Utc(pageYear, 9, 2), jointly.PublishedAt);
        PaperRecord codeEnabled = papers.Single(paper => paper.Title.StartsWith("Code-enabled language models", StringComparison.Ordinal));
        Assert.Equal(Utc(pageYear, 10, 23), codeEnabled.PublishedAt);

        // Dates printed with a year do not depend on the day of the ingest.
        Assert.Equal(Utc(2024, 11, 27), papers[0].PublishedAt);
    }

    [Theory]
    [InlineData("2026-03-11", 2025)]
    [InlineData("2026-03-12", 2026)]
    public async Task Papers_without_dates_follow_the_page_date_across_its_anniversary(string today, int year)
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers001), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.All(papers, paper => Assert.Equal(Utc(year, 3, 12), paper.PublishedAt));
    }

    internal static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
