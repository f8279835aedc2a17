using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.ArxivSnapshot.SnapshotReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivSnapshot;

/// <summary>Real snapshot lines (Fixtures/arxiv-snapshot, copied from the benchmark corpus), read in full.</summary>
public class ArxivSnapshotSampleTests
{
    [Fact]
    public async Task Every_line_of_the_sample_becomes_a_paper_with_its_line_number()
    {
        List<SourceEntry> entries = await ReadAsync(SampleFiles.Fixture(Sample));

        Assert.Equal(49, entries.Count);
        Assert.Equal(Enumerable.Range(1, 49).Select(line => (long?)line), entries.Select(entry => entry.Position.Line));
        Assert.All(entries, entry =>
        {
            Assert.Null(entry.Rejection);
            PaperRecord paper = entry.Paper!;
            Assert.Equal("arxiv-snapshot", paper.Source);
            Assert.True(ArxivId.TryParse(paper.ArxivId, out ArxivId id) && id.Version is null);
            Assert.Equal(1, paper.ArxivVersion);
            Assert.NotEmpty(paper.Authors);
            Assert.NotEmpty(paper.Categories);
            Assert.Equal(DatePrecision.Day, paper.DatePrecision);
            Assert.Equal(TimeSpan.Zero, paper.PublishedAt!.Value.Offset);
            Assert.Null(paper.Url);
            Assert.Null(paper.PdfUrl);
            Assert.False(paper.TitleIsDerived);
            Assert.DoesNotContain('\n', paper.Abstract);
            Assert.DoesNotContain("  ", paper.Abstract, StringComparison.Ordinal);
            Assert.Equal(TextNormalizer.Normalize(paper.Abstract), paper.Abstract);
        });
    }

    [Fact]
    public async Task First_sample_paper_has_its_exact_fields()
    {
        PaperRecord paper = (await ReadAsync(SampleFiles.Fixture(Sample)))[0].Paper!;

        Assert.Equal("2503.11731", paper.ArxivId);
        Assert.Equal(1, paper.ArxivVersion);
        Assert.Equal("Industrial-Grade Sensor Simulation via Gaussian Splatting: A Modular Framework for Scalable Editing and Full-Stack Validation", paper.Title);
        Assert.StartsWith("Sensor simulation is pivotal for scalable validation of autonomous driving systems, yet existing Neural Radiance Fields (NeRF) based methods face applicability", paper.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("establishing GS as a cornerstone for industrial-grade sensor simulation.", paper.Abstract, StringComparison.Ordinal);
        Assert.Equal(16, paper.Authors.Count);
        Assert.Equal("Xianming Zeng", paper.Authors[0]);
        Assert.Equal("Qiang Li", paper.Authors[^1]);
        Assert.Equal(["cs.CV", "cs.RO"], paper.Categories);
        Assert.Equal(Utc(2025, 3, 18), paper.PublishedAt);
        Assert.Equal(DatePrecision.Day, paper.DatePrecision);
    }

    [Fact]
    public async Task Names_keep_their_letters_and_two_digit_days_read()
    {
        List<SourceEntry> entries = await ReadAsync(SampleFiles.Fixture(Sample));

        Assert.Equal("Moreno D'Incà", entries[1].Paper!.Authors[0]);
        PaperRecord z1 = Paper(entries, "2504.00810");
        Assert.Equal(Utc(2025, 4, 2), z1.PublishedAt); // "Wed, 02 Apr 2025 00:00:00 GMT"
        Assert.Equal(["cs.CL"], z1.Categories);
    }

    [Fact]
    public async Task LaTeX_and_angle_brackets_stay_as_written()
    {
        List<SourceEntry> entries = await ReadAsync(SampleFiles.Fixture(Sample));

        Assert.Equal("Di$\\mathtt{[M]}$O: Distilling Masked Diffusion Models into One-step Generator", Paper(entries, "2503.15457").Title);
        Assert.Equal("GSBAK$^K$: $top$-$K$ Geometric Score-based Black-box Attack", Paper(entries, "2503.12827").Title);
        Assert.Contains("1.4k complex reasoning Q\\&A for fine-grained analysis", Paper(entries, "2503.16260").Abstract, StringComparison.Ordinal);
        Assert.Contains("\\textit{CoF}", Paper(entries, "2503.16260").Abstract, StringComparison.Ordinal);
        Assert.Contains("<think>", Paper(entries, "2504.00810").Abstract, StringComparison.Ordinal);
        Assert.Contains("static & \"Anti'' dynamic GS-SLAM", Paper(entries, "2503.11979").Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_title_under_two_ids_gives_two_papers()
    {
        List<SourceEntry> entries = await ReadAsync(SampleFiles.Fixture(Sample));

        PaperRecord first = Paper(entries, "2505.17997");
        PaperRecord second = Paper(entries, "2506.03038");
        Assert.Equal(first.Title, second.Title);
        Assert.NotEqual(first.Abstract, second.Abstract);
        Assert.Equal(["cs.LG", "cs.CL"], first.Categories);
    }

    [Fact]
    public async Task Paper_with_3303_authors_keeps_them_all_in_order()
    {
        PaperRecord paper = Assert.Single(await ReadAsync(SampleFiles.Fixture(ManyAuthors))).Paper!;

        Assert.Equal("2507.06261", paper.ArxivId);
        Assert.Equal(3303, paper.Authors.Count);
        Assert.Equal("Gheorghe Comanici", paper.Authors[0]);
        Assert.All(paper.Authors, name => Assert.Equal(name.Trim(), name));
    }

    private static PaperRecord Paper(List<SourceEntry> entries, string arxivId) =>
        Assert.Single(entries, entry => entry.Paper?.ArxivId == arxivId).Paper!;
}
