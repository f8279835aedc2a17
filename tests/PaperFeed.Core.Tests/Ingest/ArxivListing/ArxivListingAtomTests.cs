using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivListing;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.ArxivListing.ArxivListingReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivListing;

/// <summary>
/// The Atom flavour of the listing feed (https://rss.arxiv.org/atom/cs.CL). No recorded response is at hand, so
/// this one is written after arXiv's own serializer (arXiv/arxiv-feed, feed/serializers/serializer.py and
/// extensions.py: the guid as entry id, the announcement head in the summary, dc:creator) with the items of
/// the recorded RSS sample.
/// </summary>
public class ArxivListingAtomTests
{
    private const string AtomListing = """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="en-us">
          <id>http://rss.arxiv.org/atom/eess.SP</id>
          <title>eess.SP updates on arXiv.org</title>
          <updated>2024-11-28T05:00:11.000000+00:00</updated>
          <link href="http://rss.arxiv.org/atom/eess.SP" rel="self" type="application/atom+xml"/>
          <subtitle>eess.SP updates on the arXiv.org e-print archive.</subtitle>
          <entry>
            <id>oai:arXiv.org:2411.17702v1</id>
            <title>Finding "Good Views" of Electrocardiogram Signals for Inferring Abnormalities in Cardiac Condition</title>
            <updated>2024-11-28T00:00:00-05:00</updated>
            <link href="https://arxiv.org/abs/2411.17702" rel="alternate" type="text/html"/>
            <summary>arXiv:2411.17702v1 Announce Type: new 
        Abstract: Electrocardiograms (ECGs) are an established technique to screen for abnormal cardiac signals.</summary>
            <category term="eess.SP" scheme="http://arxiv.org/schemas/atom"/>
            <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
            <published>2024-11-28T00:00:00-05:00</published>
            <arxiv:announce_type>new</arxiv:announce_type>
            <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
            <dc:creator>Hyewon Jeong, Suyeol Yun, Hammaad Adam</dc:creator>
          </entry>
          <entry>
            <id>oai:arXiv.org:2211.01974v3</id>
            <title>Discrete approximations to Dirichlet and Neumann Laplacians on a half-space and norm resolvent convergence</title>
            <updated>2024-11-28T00:00:00-05:00</updated>
            <link href="https://arxiv.org/abs/2211.01974" rel="alternate" type="text/html"/>
            <summary>arXiv:2211.01974v3 Announce Type: replace-cross 
        Abstract: We extend recent results on discrete approximations of the Laplacian in $\mathbf{R}^d$.</summary>
            <category term="math.FA" scheme="http://arxiv.org/schemas/atom"/>
            <published>2024-11-28T00:00:00-05:00</published>
            <arxiv:announce_type>replace-cross</arxiv:announce_type>
            <arxiv:journal_reference>Studia Mathematica, 271:225-236, 2023</arxiv:journal_reference>
            <arxiv:DOI>10.4064/sm221103-16-3</arxiv:DOI>
            <dc:creator>Horia Cornean, Henrik Garde, Arne Jensen</dc:creator>
          </entry>
        </feed>
        """;

    [Fact]
    public void Atom_listing_feed_is_recognised_as_a_listing()
    {
        Assert.True(new ArxivListingParser().Recognizes(AtomListing));
    }

    [Fact]
    public async Task Atom_listing_feed_reads_like_the_rss_one()
    {
        List<SourceEntry> entries = await ReadAllAsync(AtomListing);

        Assert.Equal(2, entries.Count);
        PaperRecord ecg = entries[0].Paper!;
        Assert.Equal("2411.17702", ecg.ArxivId);
        Assert.Equal(1, ecg.ArxivVersion);
        Assert.Equal("Finding \"Good Views\" of Electrocardiogram Signals for Inferring Abnormalities in Cardiac Condition", ecg.Title);
        Assert.Equal(["Hyewon Jeong", "Suyeol Yun", "Hammaad Adam"], ecg.Authors);
        Assert.Equal("Electrocardiograms (ECGs) are an established technique to screen for abnormal cardiac signals.", ecg.Abstract);
        Assert.Equal(Utc(2024, 11, 28), ecg.PublishedAt);
        Assert.Equal(DatePrecision.Day, ecg.DatePrecision);
        Assert.Equal(["eess.SP", "cs.LG"], ecg.Categories);
        Assert.Equal(8, entries[0].Position.Line);

        PaperRecord laplacians = entries[1].Paper!;
        Assert.Equal("2211.01974", laplacians.ArxivId);
        Assert.Equal(3, laplacians.ArxivVersion);
        Assert.Equal(Utc(2022, 11, 1), laplacians.PublishedAt);
        Assert.Equal(DatePrecision.Month, laplacians.DatePrecision);
    }

    [Fact]
    public async Task Atom_entries_with_one_author_element_each_give_those_authors()
    {
        var legacy = AtomListing
            .Replace("<dc:creator>Hyewon Jeong, Suyeol Yun, Hammaad Adam</dc:creator>", "<author><name>Hyewon Jeong</name></author><author><name>Suyeol Yun</name></author>", StringComparison.Ordinal);

        List<SourceEntry> entries = await ReadAllAsync(legacy);

        Assert.Equal(["Hyewon Jeong", "Suyeol Yun"], entries[0].Paper!.Authors);
    }
}
