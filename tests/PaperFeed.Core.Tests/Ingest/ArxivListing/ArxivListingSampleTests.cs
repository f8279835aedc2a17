using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.ArxivListing.ArxivListingReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivListing;

/// <summary>The real listing feeds in Fixtures/arxiv-listing-feed (see /work/shared/formats/README.md for their origin).</summary>
public class ArxivListingSampleTests
{
    [Fact]
    public async Task New_listing_gives_its_thirteen_announcements_in_order()
    {
        List<SourceEntry> entries = await ReadAllAsync(Sample(New));

        Assert.Equal(13, entries.Count);
        Assert.All(entries, entry =>
        {
            Assert.Null(entry.Rejection);
            Assert.Equal("arxiv-listing-feed", entry.Paper!.Source);
            Assert.NotEmpty(entry.Paper.Authors);
            Assert.NotEmpty(entry.Paper.Categories);
            Assert.Null(entry.Paper.Url);
            Assert.Null(entry.Paper.PdfUrl);
            Assert.DoesNotContain("Announce Type", entry.Paper.Abstract, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', entry.Paper.Abstract);
        });
        Assert.Equal(
            ["2411.17700", "2411.17701", "2411.17702", "2411.17703", "2411.17704", "2411.17705",
             "2202.06515", "2405.12090", "2411.17452", "1401.3665", "2011.06533", "2103.07442", "2211.01974"],
            entries.Select(entry => entry.Paper!.ArxivId));
        Assert.Equal([1, 1, 1, 1, 1, 1, 3, 3, 1, 4, 2, 3, 3], entries.Select(entry => entry.Paper!.ArxivVersion!.Value));
        Assert.Equal(Enumerable.Range(1, 13).Select(n => (long)n), entries.Select(entry => entry.Position.Entry!.Value));
        Assert.Equal([17L, 29L, 41L], entries.Take(3).Select(entry => entry.Position.Line!.Value));
    }

    [Fact]
    public async Task New_announcement_is_read_field_by_field_and_dated_by_its_announcement_day()
    {
        List<PaperRecord> papers = await PapersAsync(New);

        PaperRecord first = papers[0];
        Assert.Equal("2411.17700", first.ArxivId);
        Assert.Equal(1, first.ArxivVersion);
        Assert.Equal("Exploring the Impact of Generative AI on Cross-Border E-Commerce Brand Building in Chinese Tianjin's Manufacturing Sector", first.Title);
        Assert.Equal(["Jun Cui"], first.Authors);
        Assert.Equal(Utc(2024, 11, 28), first.PublishedAt);
        Assert.Equal(DatePrecision.Day, first.DatePrecision);
        Assert.Equal(["cs.CY"], first.Categories);
        Assert.StartsWith("This study investigates the influence of generative artificial intelligence (AI) on the brand construction", first.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("using quantitative analysis, regression and structural equations (PLS-SEM).", first.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comma_separated_creators_become_one_author_each()
    {
        List<PaperRecord> papers = await PapersAsync(New);

        Assert.Equal(["Hyewon Jeong", "Suyeol Yun", "Hammaad Adam"], papers.Single(paper => paper.ArxivId == "2411.17702").Authors);
        Assert.Equal(8, papers.Single(paper => paper.ArxivId == "2411.17703").Authors.Count);
        Assert.Equal(
            ["A. Begun", "V. G. Bornyakov", "N. V. Gerasimeniuk", "V. A. Goy", "A. Nakamura", "R. N. Rogalyov"],
            papers.Single(paper => paper.ArxivId == "2103.07442").Authors);
    }

    [Fact]
    public async Task Categories_keep_the_feeds_order_with_the_primary_first()
    {
        List<PaperRecord> papers = await PapersAsync(New);

        Assert.Equal(["eess.SP", "cs.AI", "cs.LG"], papers.Single(paper => paper.ArxivId == "2411.17705").Categories);
        Assert.Equal(["hep-th", "math-ph", "math.AT", "math.DG", "math.MP"], papers.Single(paper => paper.ArxivId == "2011.06533").Categories);
    }

    [Fact]
    public async Task Replacement_carries_its_higher_version_and_the_month_its_id_encodes()
    {
        List<PaperRecord> papers = await PapersAsync(New);

        PaperRecord designs = papers.Single(paper => paper.ArxivId == "1401.3665");
        Assert.Equal(4, designs.ArxivVersion);
        Assert.Equal("The existence of designs", designs.Title);
        Assert.Equal(["Peter Keevash"], designs.Authors);
        Assert.Equal(Utc(2014, 1, 1), designs.PublishedAt);
        Assert.Equal(DatePrecision.Month, designs.DatePrecision);
        Assert.Equal(["math.CO"], designs.Categories);

        PaperRecord crossListed = papers.Single(paper => paper.ArxivId == "2202.06515");
        Assert.Equal(3, crossListed.ArxivVersion);
        Assert.Equal(Utc(2022, 2, 1), crossListed.PublishedAt);
        Assert.Equal(DatePrecision.Month, crossListed.DatePrecision);
    }

    [Fact]
    public async Task Latex_accents_entities_and_paragraph_breaks_are_handled()
    {
        List<PaperRecord> papers = await PapersAsync(New);

        PaperRecord character = papers.Single(paper => paper.ArxivId == "2011.06533");
        Assert.Contains(@"the non-abelian Poincar\'e-dual to ""factorization homology""", character.Abstract, StringComparison.Ordinal);
        Assert.Contains("as a cohomology theory. In illustration and amplification", character.Abstract, StringComparison.Ordinal);

        PaperRecord quarks = papers.Single(paper => paper.ArxivId == "2103.07442");
        Assert.Equal("Quark Density in Lattice QC$_2$D at Imaginary and Real Chemical Potential", quarks.Title);
        Assert.Contains("$\\mu_q$ and $T>T_c$", quarks.Abstract, StringComparison.Ordinal);
        Assert.Contains("temperature, $T<T_{RW}$, we find", quarks.Abstract, StringComparison.Ordinal);

        PaperRecord eeg = papers.Single(paper => paper.ArxivId == "2411.17705");
        Assert.EndsWith(@"open-sourced at \href{https://github.com/Kanyooo/EEG-DCNet}{here}.", eeg.Abstract, StringComparison.Ordinal);

        PaperRecord shastry = papers.Single(paper => paper.ArxivId == "2411.17452");
        Assert.Equal("From the Shastry-Sutherland model to the $J_1$-$J_2$ Heisenberg model", shastry.Title);
    }

    [Fact]
    public async Task Weekend_feed_without_items_is_a_valid_source_with_no_entries()
    {
        List<SourceEntry> entries = await ReadAllAsync(Sample(Empty));

        Assert.Empty(entries);
    }

    [Fact]
    public async Task Error_channel_fails_with_arxivs_message()
    {
        SourceFormatException e = await FailureAsync(Sample(Error));

        Assert.StartsWith("arXiv feed error: Bad archive 'astroph'. Valid archive names are: astro-ph, cond-mat, cs,", e.Reason, StringComparison.Ordinal);
        Assert.EndsWith("q-fin, quant-ph, stat, test.", e.Reason, StringComparison.Ordinal);
        Assert.Equal(4, e.Position?.Line);
    }
}
