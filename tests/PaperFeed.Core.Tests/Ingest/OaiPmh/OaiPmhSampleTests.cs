using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.OaiPmh.OaiPmhReading;

namespace PaperFeed.Core.Tests.Ingest.OaiPmh;

/// <summary>The real arXiv OAI-PMH responses in Fixtures/arxiv-oai-pmh (provenance in /work/shared/formats/README.md).</summary>
public class OaiPmhSampleTests
{
    [Theory]
    [InlineData(ArxivSample, new long[] { 6, 28 })]
    [InlineData(Arxiv2017Sample, new long[] { 6, 27, 56 })]
    [InlineData(ArxivRawSample, new long[] { 6, 32, 53, 80, 96, 117 })]
    public async Task Every_record_of_a_sample_is_read_at_the_line_of_its_record_tag(string sample, long[] lines)
    {
        List<SourceEntry> entries = await ReadAllAsync(SampleFiles.Fixture(sample));

        Assert.Equal(lines, entries.Select(entry => entry.Position.Line!.Value));
        Assert.All(entries, entry =>
        {
            Assert.Null(entry.Rejection);
            PaperRecord paper = entry.Paper!;
            Assert.Equal("arxiv-oai-pmh", paper.Source);
            Assert.NotEmpty(paper.Authors);
            Assert.NotEmpty(paper.Categories);
            Assert.True(paper.Abstract.Length > 200);
            Assert.DoesNotContain('\n', paper.Title);
            Assert.DoesNotContain('\n', paper.Abstract);
            Assert.Equal(DatePrecision.Day, paper.DatePrecision);
            Assert.Equal(TimeSpan.Zero, paper.PublishedAt!.Value.Offset);
            Assert.Equal(TimeSpan.Zero, paper.PublishedAt.Value.TimeOfDay);
            Assert.Null(paper.Url);
            Assert.Null(paper.PdfUrl);
        });
    }

    [Fact]
    public async Task ArXiv_format_record_gives_names_from_forenames_and_keyname_and_the_created_date()
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.Fixture(ArxivSample));

        PaperRecord first = papers[0];
        Assert.Equal("0712.4079", first.ArxivId);
        Assert.Null(first.ArxivVersion);
        Assert.Equal("Effect of the boundary condition on the vortex patterns in mesoscopic three-dimensional superconductors - disk and sphere", first.Title);
        Assert.StartsWith("The vortex state of mesoscopic three-dimensional superconductors is determined using a minimization", first.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("A change of the Ginzburg-Landau parameters near the surface can substantially enhance $H_{c3}$ as shown here.", first.Abstract, StringComparison.Ordinal);
        Assert.Equal(["Mauro M. Doria", "Antonio R. de C. Romaguera", "F. M. Peeters"], first.Authors);
        Assert.Equal(["cond-mat.supr-con", "cond-mat.mes-hall", "cond-mat.mtrl-sci"], first.Categories);
        Assert.Equal(Utc(2007, 12, 25), first.PublishedAt);

        PaperRecord second = papers[1];
        Assert.Equal("0712.4080", second.ArxivId);
        Assert.Equal("Hysteretic behavior in weakly coupled double-dot transport in the spin blockade regime", second.Title);
        Assert.Equal(["J. Inarrea", "C. Lopez-Monis", "A. H. MacDonald", "G. Platero"], second.Authors);
        Assert.Equal(["cond-mat.mes-hall"], second.Categories);
    }

    [Fact]
    public async Task Created_date_is_the_publication_date_even_when_the_record_was_updated_later()
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.Fixture(Arxiv2017Sample));

        PaperRecord sipm = papers[0];
        Assert.Equal("1706.05371", sipm.ArxivId);
        Assert.Equal("Evaluation of Silicon Photomultipliers for use as Photosensors in Liquid Xenon Detectors", sipm.Title);
        Assert.Equal(Utc(2017, 6, 16), sipm.PublishedAt);
        Assert.Equal(13, sipm.Authors.Count);
        Assert.Equal("Tyler Anderson", sipm.Authors[0]);
        Assert.Equal("Mani Tripathi", sipm.Authors[^1]);
        Assert.Equal(["physics.ins-det", "hep-ex"], sipm.Categories);

        PaperRecord rpv = papers[1];
        Assert.Equal("R-Parity Violation at the LHC", rpv.Title);
        Assert.Equal(["Daniel Dercks", "Herbi Dreiner", "Manuel E. Krauss", "Toby Opferkuch", "Annika Reinert"], rpv.Authors);
        Assert.Contains("including the $\\bar U\\bar D\\bar D$ models.", rpv.Abstract, StringComparison.Ordinal);

        PaperRecord neutrinos = papers[2];
        Assert.Equal("Implications of right-handed neutrinos in $B-L$ extended standard model with scalar dark matter", neutrinos.Title);
        Assert.Equal(["hep-ph", "astro-ph.CO", "hep-ex"], neutrinos.Categories);
        Assert.Equal(Utc(2017, 7, 4), neutrinos.PublishedAt);
    }

    [Fact]
    public async Task ArXivRaw_record_takes_the_highest_version_and_the_date_of_version_1()
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.Fixture(ArxivRawSample));

        PaperRecord limits = papers.Single(paper => paper.ArxivId == "0704.0716");
        Assert.Equal(4, limits.ArxivVersion);
        Assert.Equal(Utc(2007, 4, 5), limits.PublishedAt);
        Assert.Equal("Limit distributions and scaling functions", limits.Title);
        Assert.Equal(["Christoph Richard"], limits.Authors);
        Assert.Equal(["math-ph", "math.MP"], limits.Categories);
        Assert.StartsWith("We discuss the asymptotic behaviour of models of lattice polygons, mainly on the square lattice.", limits.Abstract, StringComparison.Ordinal);

        Assert.Equal(
            [("0704.0471", 1, Utc(2007, 4, 3)), ("0704.0716", 4, Utc(2007, 4, 5)), ("0704.0874", 3, Utc(2007, 4, 6)),
             ("0704.1109", 2, Utc(2007, 4, 9)), ("0704.1114", 1, Utc(2007, 4, 9)), ("0704.1586", 1, Utc(2007, 4, 12))],
            papers.Select(paper => (paper.ArxivId!, paper.ArxivVersion!.Value, paper.PublishedAt!.Value)));
    }

    [Fact]
    public async Task ArXivRaw_author_lines_are_split_into_names()
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.Fixture(ArxivRawSample));

        Assert.Equal(["D.V. Shetty", "S.J. Yennello", "G.A. Souliotis"], papers[0].Authors);
        Assert.Equal(["Valeria M. Rosa", "Patricio S. letelier"], papers[3].Authors);
        Assert.Equal(["T. S. Barman"], papers[4].Authors);
        Assert.Equal(["N.C. Summers", "F.M. Nunes"], papers[5].Authors);
    }

    [Fact]
    public async Task ArXivRaw_entities_are_decoded_and_wrapped_titles_joined()
    {
        List<PaperRecord> papers = await PapersAsync(SampleFiles.Fixture(ArxivRawSample));

        Assert.Equal("Density dependence of the symmetry energy and the nuclear equation of state: A Dynamical and Statistical model perspective", papers[0].Title);
        Assert.Contains("rules out an extremely \" stiff \" and \" soft \" form of the density dependence", papers[0].Abstract, StringComparison.Ordinal);
        Assert.Equal("Core excitation in the elastic scattering and breakup of $^{11}$Be on protons", papers[5].Title);
    }

    [Fact]
    public async Task NoRecordsMatch_error_is_an_empty_result() =>
        Assert.Empty(await ReadAllAsync(SampleFiles.Fixture(NoRecordsMatchSample)));

    [Fact]
    public async Task Other_OAI_errors_fail_with_their_code_and_message()
    {
        SourceFormatException e = await FailureAsync(SampleFiles.Fixture(BadResumptionTokenSample));

        Assert.Equal("OAI-PMH error badResumptionToken: The resumptionToken supplied is illegal for this repository", e.Reason);
        Assert.Equal(5, e.Position?.Line);
        Assert.Contains("line 5", e.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
