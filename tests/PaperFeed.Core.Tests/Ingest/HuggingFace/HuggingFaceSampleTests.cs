using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.HuggingFace.HuggingFaceReading;

namespace PaperFeed.Core.Tests.Ingest.HuggingFace;

/// <summary>The real API responses in Fixtures/hf-papers-json (provenance in /work/shared/formats/README.md).</summary>
public class HuggingFaceSampleTests
{
    [Theory]
    [InlineData(DailyPapersSample, 6)]
    [InlineData(SearchSample, 9)]
    [InlineData(PaperSample, 1)]
    [InlineData(DailyPaperItemSample, 1)]
    public async Task Every_paper_of_a_sample_is_read(string sample, int count)
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.Fixture(sample));

        Assert.Equal(count, papers.Count);
        Assert.All(papers, paper =>
        {
            Assert.Equal("hf-papers-json", paper.Source);
            Assert.NotNull(paper.ArxivId);
            Assert.Null(paper.ArxivVersion);
            Assert.NotEmpty(paper.Authors);
            Assert.True(paper.Abstract.Length > 200);
            Assert.DoesNotContain('\n', paper.Title);
            Assert.DoesNotContain('\n', paper.Abstract);
            Assert.NotNull(paper.Upvotes);
            Assert.Empty(paper.Categories);
            Assert.Equal(DatePrecision.Day, paper.DatePrecision);
            Assert.Equal(TimeSpan.Zero, paper.PublishedAt!.Value.Offset);
            Assert.Equal(TimeSpan.Zero, paper.PublishedAt.Value.TimeOfDay);
            Assert.Null(paper.Url);
        });
    }

    [Fact]
    public async Task Entries_of_an_array_are_numbered_from_1()
    {
        List<SourceEntry> entries = await ReadAllAsync(SampleFiles.Fixture(DailyPapersSample));

        Assert.Equal([1L, 2, 3, 4, 5, 6], entries.Select(entry => entry.Position.Entry!.Value));
    }

    [Fact]
    public async Task Daily_papers_item_gives_the_paper_fields_and_its_upvotes()
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.Fixture(DailyPapersSample));

        Assert.Equal(["2606.00467", "2606.10423", "2606.11409", "2606.06113", "2606.12303", "2606.11662"], papers.Select(paper => paper.ArxivId));
        Assert.Equal([0, 2, 8, 13, 12, 10], papers.Select(paper => paper.Upvotes!.Value));

        PaperRecord risk = papers[2];
        Assert.Equal("Risk Under Pressure: Compute-Aware Evaluation of Adversarial Robustness in Language Models", risk.Title);
        Assert.Equal(["Malikeh Ehghaghi", "Bogl\u00e1rka Ecsedi", "Marsha Chechik", "Colin Raffel"], risk.Authors);
        Assert.Equal(Utc(2026, 6, 9), risk.PublishedAt);
        Assert.StartsWith("Adversarial robustness evaluations of large language models", risk.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("able compute-aware risk assessment and evaluation.", risk.Abstract, StringComparison.Ordinal);

        // The item's own publishedAt (2026-05-29T20:00Z) is the paper's minus the US-Eastern offset: the paper's day counts.
        PaperRecord limits = papers[0];
        Assert.Equal(Utc(2026, 5, 30), limits.PublishedAt);
        Assert.Equal(["Etienne Casanova", "Rafal Kocielnik", "R. Michael Alvarez"], limits.Authors);
        Assert.Contains("correct zero-shot errors (\"decision stickiness\")", limits.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_results_keep_the_day_of_a_timestamp_and_join_wrapped_titles()
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.Fixture(SearchSample));

        PaperRecord kazqad = papers[0];
        Assert.Equal("2404.04487", kazqad.ArxivId);
        Assert.Equal("KazQAD: Kazakh Open-Domain Question Answering Dataset", kazqad.Title);
        Assert.Equal(["Rustem Yeshpanov", "Pavel Efimov", "Leonid Boytsov", "Ardak Shalkarbayuli", "Pavel Braslavski"], kazqad.Authors);
        Assert.Equal(Utc(2024, 4, 6), kazqad.PublishedAt);
        Assert.Equal(1, kazqad.Upvotes);
        Assert.EndsWith("(CC BY-SA) at https://github.com/IS2AI/KazQAD.", kazqad.Abstract, StringComparison.Ordinal);

        PaperRecord multilingual = papers.Single(paper => paper.ArxivId == "2108.01280");
        Assert.Equal("A Study of Multilingual End-to-End Speech Recognition for Kazakh, Russian, and English", multilingual.Title);
        Assert.Equal(Utc(2021, 8, 3), multilingual.PublishedAt);

        Assert.Equal(35, papers.Single(paper => paper.ArxivId == "2503.01493").Authors.Count);
        Assert.Equal("2111.13419", papers[3].ArxivId);
    }

    [Fact]
    public async Task Single_paper_object_is_one_paper()
    {
        PaperRecord paper = Assert.Single(await PapersAsync(SampleFiles.Fixture(PaperSample)));

        Assert.Equal("2608.09888", paper.ArxivId);
        Assert.Equal("BDH-CQ: In-Context Learning with Recurrent Latent Reasoning", paper.Title);
        Assert.Equal(782, paper.Upvotes);
        Assert.Equal(Utc(2026, 8, 10), paper.PublishedAt);
        Assert.Equal(
            ["Bj\u00f6rn Engdahl", "Adrian Kosowski", "Jan Chorowski", "Zuzanna Stamirowska", "Przemys\u0142aw Uzna\u0144ski", "Junlin Jiang", "Rohan Phadke", "Remigiusz Kinas", "Richard Zhong"],
            paper.Authors);
        Assert.StartsWith("We introduce BDH-CQ, a reasoning model that combines in-context learning with recurrent latent reasoning.", paper.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("establishing a new state of the art in benchmark cost efficiency.", paper.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_object_with_a_timestamp_and_hard_wrapped_summary_is_read()
    {
        PaperRecord paper = Assert.Single(await PapersAsync(SampleFiles.Fixture(DailyPaperItemSample)));

        Assert.Equal("2509.04664", paper.ArxivId);
        Assert.Equal("Why Language Models Hallucinate", paper.Title);
        Assert.Equal(["Adam Tauman Kalai", "Ofir Nachum", "Santosh S. Vempala", "Edwin Zhang"], paper.Authors);
        Assert.Equal(Utc(2025, 9, 4), paper.PublishedAt);
        Assert.Equal(26, paper.Upvotes);
        Assert.StartsWith("Like students facing hard exam questions, large language models sometimes guess when uncertain,", paper.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("This change may steer the field toward more trustworthy AI systems.", paper.Abstract, StringComparison.Ordinal);
    }

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
