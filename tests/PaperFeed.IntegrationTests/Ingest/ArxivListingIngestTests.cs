using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivListing;
using PaperFeed.Core.Papers;
using PaperFeed.Data.Ingest;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>The real arXiv listing feeds, ingested into PostgreSQL.</summary>
public sealed class ArxivListingIngestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string Fixtures = IngestAssertions.FixturesOf("arxiv-listing-feed");

    private static readonly string NewListing = Path.Combine(Fixtures, "arxiv-rss-new.xml");

    private static readonly string[] SampleIds =
    [
        "2411.17700", "2411.17701", "2411.17702", "2411.17703", "2411.17704", "2411.17705",
        "2202.06515", "2405.12090", "2411.17452", "1401.3665", "2011.06533", "2103.07442", "2211.01974",
    ];

    private readonly PaperIngester _ingester = Ingestion.CreateIngester(database, reader: new PaperSourceReader([new ArxivListingParser()]));

    [Fact]
    public async Task Sample_is_stored_with_its_fields_reingesting_changes_nothing_and_a_replacement_updates()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;

        var first = await _ingester.IngestFileAsync(NewListing, format: null, ct);

        Assert.Null(first.Error);
        Assert.Equal(new BatchCounts(13, 0, 0, 0), first.Counts);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(SampleIds.Length, await db.Papers.CountAsync(p => SampleIds.Contains(p.Id) && p.Source == "arxiv-listing-feed", ct));

            var ecommerce = await db.Papers.SingleAsync(p => p.Id == "2411.17700", ct);
            Assert.Equal("2411.17700", ecommerce.ArxivId);
            Assert.Equal(1, ecommerce.ArxivVersion);
            Assert.Equal("Exploring the Impact of Generative AI on Cross-Border E-Commerce Brand Building in Chinese Tianjin's Manufacturing Sector", ecommerce.Title);
            Assert.StartsWith("This study investigates the influence of generative artificial intelligence (AI)", ecommerce.Abstract, StringComparison.Ordinal);
            Assert.Equal(["Jun Cui"], ecommerce.Authors);
            Assert.Equal(new DateTimeOffset(2024, 11, 28, 0, 0, 0, TimeSpan.Zero), ecommerce.PublishedAt);
            Assert.Equal(DatePrecision.Day, ecommerce.DatePrecision);
            Assert.Equal(["cs.CY"], ecommerce.Categories);
            Assert.Equal(0, ecommerce.Upvotes);
            Assert.Null(ecommerce.Url);
            Assert.Equal("arxiv-listing-feed", ecommerce.Source);

            var designs = await db.Papers.SingleAsync(p => p.Id == "1401.3665", ct);
            Assert.Equal(4, designs.ArxivVersion);
            Assert.Equal("The existence of designs", designs.Title);
            Assert.Equal(new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero), designs.PublishedAt);
            Assert.Equal(DatePrecision.Month, designs.DatePrecision);

            var quarks = await db.Papers.SingleAsync(p => p.Id == "2103.07442", ct);
            Assert.Equal(["A. Begun", "V. G. Bornyakov", "N. V. Gerasimeniuk", "V. A. Goy", "A. Nakamura", "R. N. Rogalyov"], quarks.Authors);
            Assert.Contains("$T>T_c$", quarks.Abstract, StringComparison.Ordinal);
        }

        var again = await _ingester.IngestFileAsync(NewListing, format: null, ct);
        Assert.Null(again.Error);
        Assert.Equal(new BatchCounts(0, 0, 13, 0), again.Counts);

        // The next day's feed announces version 5 of "The existence of designs" with a new title.
        var text = await File.ReadAllTextAsync(NewListing, ct);
        var item = Item(text, "1401.3665")
            .Replace("1401.3665v4", "1401.3665v5", StringComparison.Ordinal)
            .Replace("<title>The existence of designs</title>", "<title>The existence of designs, revised</title>", StringComparison.Ordinal);
        var nextDay = text[..text.IndexOf("<item>", StringComparison.Ordinal)] + item + "\n  </channel>\n</rss>\n";

        var replacement = await _ingester.IngestTextAsync(nextDay, "next-day", ct);

        Assert.Equal(new BatchCounts(0, 1, 0, 0), replacement.Counts);
        await using (var db = database.CreateDbContext())
        {
            var designs = await db.Papers.SingleAsync(p => p.Id == "1401.3665", ct);
            Assert.Equal(5, designs.ArxivVersion);
            Assert.Equal("The existence of designs, revised", designs.Title);
            Assert.Equal(["Peter Keevash"], designs.Authors);
        }
    }

    [Fact]
    public async Task Replace_announcement_updates_the_row_but_keeps_the_day_of_the_first_announcement()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var announced = Channel(Announcement("Thu, 28 Nov 2024", "2411.99901v1", "new", "A Paper", "The first abstract.", "Ann Author", "cs.CL"));
        var replaced = Channel(Announcement("Tue, 10 Dec 2024", "2411.99901v2", "replace", "A Paper, Revised", "The revised abstract.", "Ann Author, Bo Coauthor", "cs.CL", "cs.AI"));

        Assert.Equal(new BatchCounts(1, 0, 0, 0), (await _ingester.IngestTextAsync(announced, "day-1", ct)).Counts);
        Assert.Equal(new BatchCounts(0, 1, 0, 0), (await _ingester.IngestTextAsync(replaced, "day-2", ct)).Counts);
        Assert.Equal(new BatchCounts(0, 0, 1, 0), (await _ingester.IngestTextAsync(announced, "day-1-again", ct)).Counts);

        await using var db = database.CreateDbContext();
        var paper = await db.Papers.SingleAsync(p => p.Id == "2411.99901", ct);
        Assert.Equal(2, paper.ArxivVersion);
        Assert.Equal("A Paper, Revised", paper.Title);
        Assert.Equal("The revised abstract.", paper.Abstract);
        Assert.Equal(["Ann Author", "Bo Coauthor"], paper.Authors);
        Assert.Equal(["cs.CL", "cs.AI"], paper.Categories);
        Assert.Equal(new DateTimeOffset(2024, 11, 28, 0, 0, 0, TimeSpan.Zero), paper.PublishedAt);
        Assert.Equal(DatePrecision.Day, paper.DatePrecision);
    }

    [Fact]
    public async Task Weekend_feed_without_items_succeeds_with_nothing_stored()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Fixtures, "arxiv-rss-empty.xml");

        var outcome = await _ingester.IngestFileAsync(path, format: null, ct);

        Assert.Null(outcome.Error);
        Assert.Equal(new BatchCounts(0, 0, 0, 0), outcome.Counts);
        await database.AssertLatestRunAsync(path, IngestRunStatus.Succeeded, ct);
    }

    [Fact]
    public async Task Error_feed_fails_with_arxivs_message()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Fixtures, "arxiv-rss-error.xml");

        var outcome = await _ingester.IngestFileAsync(path, format: null, ct);

        Assert.NotNull(outcome.Error);
        Assert.StartsWith($"{path}, line 4: arXiv feed error: Bad archive 'astroph'.", outcome.Error, StringComparison.Ordinal);
        await database.AssertLatestRunAsync(path, IngestRunStatus.Failed, ct);
    }

    private static string Item(string feed, string id)
    {
        var at = feed.IndexOf($"<link>https://arxiv.org/abs/{id}</link>", StringComparison.Ordinal);
        var start = feed.LastIndexOf("<item>", at, StringComparison.Ordinal);
        var end = feed.IndexOf("</item>", at, StringComparison.Ordinal) + "</item>".Length;
        return feed[start..end];
    }

    private static string Channel(string item) => $"""
        <?xml version='1.0' encoding='UTF-8'?>
        <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
          <channel>
            <title>cs.CL updates on arXiv.org</title>
            <link>http://rss.arxiv.org/rss/cs.CL</link>
            {item}
          </channel>
        </rss>
        """;

    private static string Announcement(string day, string idWithVersion, string type, string title, string summary, string creators, params string[] categories) => $"""
        <item>
          <title>{title}</title>
          <link>https://arxiv.org/abs/{idWithVersion[..idWithVersion.IndexOf('v', StringComparison.Ordinal)]}</link>
          <description>arXiv:{idWithVersion} Announce Type: {type} 
        Abstract: {summary}</description>
          <guid isPermaLink="false">oai:arXiv.org:{idWithVersion}</guid>
          {string.Concat(categories.Select(category => $"<category>{category}</category>"))}
          <pubDate>{day} 00:00:00 -0500</pubDate>
          <arxiv:announce_type>{type}</arxiv:announce_type>
          <dc:creator>{creators}</dc:creator>
        </item>
        """;
}
