using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.ArxivAtom.ArxivAtomReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivAtom;

/// <summary>The real API responses in Fixtures/arxiv-api-atom (see /work/shared/formats/README.md for their origin).</summary>
public class ArxivAtomSampleTests
{
    [Fact]
    public async Task Query_response_gives_its_fifteen_papers_in_order()
    {
        List<SourceEntry> entries = await ReadAllAsync(Sample(Query));

        Assert.Equal(15, entries.Count);
        Assert.All(entries, entry =>
        {
            Assert.Null(entry.Rejection);
            Assert.Equal("arxiv-api-atom", entry.Paper!.Source);
            Assert.Equal(DatePrecision.Day, entry.Paper.DatePrecision);
            Assert.Equal(TimeSpan.Zero, entry.Paper.PublishedAt!.Value.Offset);
            Assert.Equal(TimeOnly.MinValue, TimeOnly.FromDateTime(entry.Paper.PublishedAt.Value.UtcDateTime));
            Assert.Null(entry.Paper.Url);
            Assert.Null(entry.Paper.PdfUrl);
            Assert.Null(entry.Paper.Upvotes);
        });
        Assert.Equal(
            ["2202.12139", "2405.13786", "2005.14124", "2204.08348", "2302.03287", "1202.4527", "2503.05378", "1205.1866",
             "2502.07719", "1812.11470", "2403.16981", "2004.03322", "1912.09881", "2406.19956", "1912.04900"],
            entries.Select(entry => entry.Paper!.ArxivId));
        Assert.Equal([1, 1, 2, 3, 3, 1, 2, 1, 2, 1, 2, 1, 1, 3, 1], entries.Select(entry => entry.Paper!.ArxivVersion!.Value));
        Assert.Equal(Enumerable.Range(1, 15).Select(n => (long)n), entries.Select(entry => entry.Position.Entry!.Value));
        Assert.Equal(10, entries[0].Position.Line);
        Assert.Equal(35, entries[1].Position.Line);
    }

    [Fact]
    public async Task OpenCat_paper_is_read_field_by_field()
    {
        List<PaperRecord> papers = await PapersAsync(Query);

        PaperRecord openCat = Assert.Single(papers, paper => paper.ArxivId == "2502.07719");
        Assert.Equal(2, openCat.ArxivVersion);
        Assert.Equal("OpenCat: Improving Interoperability of ADS Testing", openCat.Title);
        Assert.False(openCat.TitleIsDerived);
        Assert.Equal(["Qurban Ali", "Andrea Stocco", "Leonardo Mariani", "Oliviero Riganelli"], openCat.Authors);
        Assert.Equal(Utc(2025, 2, 11), openCat.PublishedAt);
        Assert.Equal(DatePrecision.Day, openCat.DatePrecision);
        Assert.Equal(["cs.SE"], openCat.Categories);
        Assert.StartsWith("Testing Advanced Driving Assistance Systems (ADAS), such as lane-keeping functions,", openCat.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("to enhance the reusability and transferability of ADAS benchmarks for more extensive applications.", openCat.Abstract, StringComparison.Ordinal);
        Assert.Null(openCat.AuthorCount);
    }

    [Fact]
    public async Task Paragraph_breaks_in_a_summary_become_single_spaces()
    {
        List<PaperRecord> papers = await PapersAsync(Query);

        PaperRecord review = Assert.Single(papers, paper => paper.ArxivId == "1812.11470");
        Assert.Equal("A Systematic Literature Review of Automated Techniques for Functional GUI Testing of Mobile Applications", review.Title);
        Assert.Contains("researchers and practitioners, and community as a whole. Objective. In this systematic review", review.Abstract, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', review.Abstract);
        Assert.DoesNotContain("  ", review.Abstract, StringComparison.Ordinal);
        Assert.Equal(["Yauhen Leanidavich Arnatovich", "Lipo Wang"], review.Authors);
        Assert.Equal(Utc(2018, 12, 30), review.PublishedAt);
    }

    [Fact]
    public async Task Primary_category_comes_first_and_is_not_repeated()
    {
        List<PaperRecord> papers = await PapersAsync(Query);

        Assert.Equal(["cs.SE", "cs.LG"], papers.Single(paper => paper.ArxivId == "2202.12139").Categories);
        Assert.Equal(["cs.SE", "cs.CR", "cs.LG"], papers.Single(paper => paper.ArxivId == "2005.14124").Categories);
        Assert.Equal(["math.ST", "cs.IT", "stat.ML"], papers.Single(paper => paper.ArxivId == "2403.16981").Categories);
    }

    [Fact]
    public async Task Non_ascii_names_and_latex_are_kept_as_written()
    {
        List<PaperRecord> papers = await PapersAsync(Query);

        PaperRecord ranking = papers.Single(paper => paper.ArxivId == "2405.13786");
        Assert.Equal(["Aurora Ramírez", "Mario Berrios", "José Raúl Romero", "Robert Feldt"], ranking.Authors);
        Assert.Equal(["cs.SE", "cs.AI"], ranking.Categories);

        PaperRecord sampleComplexity = papers.Single(paper => paper.ArxivId == "2403.16981");
        Assert.Equal("The Sample Complexity of Simple Binary Hypothesis Testing", sampleComplexity.Title);
        Assert.Contains(@"smallest number of i.i.d.\ samples required to distinguish between two distributions $p$ and $q$", sampleComplexity.Abstract, StringComparison.Ordinal);
        Assert.Contains("type-I error at most $α$ and type-II error at most $β$", sampleComplexity.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Old_style_id_keeps_its_archive_and_drops_affiliations()
    {
        List<SourceEntry> entries = await ReadAllAsync(Sample(OldStyleId));

        PaperRecord paper = Assert.Single(entries).Paper!;
        Assert.Equal("astro-ph/0601001", paper.ArxivId);
        Assert.Equal(1, paper.ArxivVersion);
        Assert.Equal("Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys Toward the Galactic Bulge and Carina", paper.Title);
        Assert.Equal(["Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski"], paper.Authors);
        Assert.Equal(Utc(2006, 1, 2), paper.PublishedAt);
        Assert.Equal(["astro-ph"], paper.Categories);
        Assert.StartsWith("We derive the frequencies of hot Jupiters (HJs) with 3--5 day periods", paper.Abstract, StringComparison.Ordinal);
        Assert.Contains("following Gould & Morgan (2003)", paper.Abstract, StringComparison.Ordinal);
        Assert.Contains("spectroscopic-followup limit of V_max<17.5.", paper.Abstract, StringComparison.Ordinal);
        Assert.Contains("is (1/310)(1^{+1.39}_{-0.59}) for HJs", paper.Abstract, StringComparison.Ordinal);
        Assert.Null(paper.PdfUrl);
    }

    [Fact]
    public async Task Response_of_2016_with_its_own_element_order_and_hard_wraps_reads_the_same()
    {
        List<SourceEntry> entries = await ReadAllAsync(Sample(Query2016));

        Assert.Equal(10, entries.Count);
        Assert.All(entries, entry => Assert.Null(entry.Rejection));
        Assert.Equal(4, entries.Count(entry => entry.Paper!.ArxivId!.StartsWith("cond-mat/", StringComparison.Ordinal)));

        PaperRecord nanopores = entries[0].Paper!;
        Assert.Equal("1201.4869", nanopores.ArxivId);
        Assert.Equal(1, nanopores.ArxivVersion);
        Assert.Equal("A Luttinger Liquid Core Inside Helium-4 Filled Nanopores", nanopores.Title);
        Assert.Equal(["Adrian Del Maestro"], nanopores.Authors);
        Assert.Equal(Utc(2012, 1, 23), nanopores.PublishedAt);
        Assert.Equal(["cond-mat.mes-hall", "cond-mat.other"], nanopores.Categories);
        Assert.StartsWith("As helium-4 is cooled below 2.17 K it undergoes a phase transition to a fundamentally new state", nanopores.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("intriguing low dimensional state of matter.", nanopores.Abstract, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', nanopores.Abstract);

        PaperRecord melting = entries[1].Paper!;
        Assert.Equal("cond-mat/0412498", melting.ArxivId);
        Assert.Equal(["Adrian Del Maestro", "Subir Sachdev"], melting.Authors);
        Assert.Contains("\"p x p\" density wave ordering on the square lattice (p >= 3, integer)", melting.Abstract, StringComparison.Ordinal);
        Assert.Equal(Utc(2004, 12, 19), melting.PublishedAt);

        PaperRecord stripes = entries[2].Paper!;
        Assert.Equal("From stripe to checkerboard order on the square lattice in the presence of quenched disorder", stripes.Title);
        Assert.Equal(["cond-mat.str-el", "cond-mat.supr-con"], stripes.Categories);
    }

    [Fact]
    public async Task Query_without_matches_is_a_valid_source_with_no_entries()
    {
        List<SourceEntry> entries = await ReadAllAsync(Sample(Empty));

        Assert.Empty(entries);
    }

    [Fact]
    public async Task Error_response_fails_with_the_api_message()
    {
        SourceFormatException e = await FailureAsync(Sample(Error));

        Assert.Equal("arXiv API error: incorrect id format for abc", e.Reason);
        Assert.Equal(9, e.Position?.Line);
        Assert.Equal(1, e.Position?.Entry);
        Assert.Equal("test-source, line 9: arXiv API error: incorrect id format for abc", e.Message);
    }
}
