using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.AclAnthology;
using PaperFeed.Core.Papers;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>The real ACL Anthology collection files of the core tests' fixtures, ingested into PostgreSQL.</summary>
public sealed class AclAnthologyIngestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    // 121 + 13 + 18 + 24 papers with an abstract; the 10 of 2023.udfestbr have none and are rejected.
    private const int Accepted = 176;
    private const int WithoutAbstract = 10;

    // 2023.jeptalnrecital-rjc.1 and -projet.1 share their title, so they are one paper to the store.
    private const int DistinctTitles = 175;

    private static string FixturesDirectory => IngestAssertions.FixturesOf("acl-anthology-xml");

    private static IReadOnlyList<string> Files => [.. Directory.GetFiles(FixturesDirectory, "*.xml").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Collections_load_with_their_fields_and_reingesting_changes_nothing()
    {
        var ingester = Ingestion.CreateIngester(database, reader: new PaperSourceReader([new AclAnthologyXmlParser()]));
        var ct = TestContext.Current.CancellationToken;

        var first = await ingester.IngestFilesAsync(Files, ct);

        Assert.Equal(5, first.Count);
        Assert.All(first, outcome => Assert.Null(outcome.Error));
        Assert.Equal(Accepted, first.Sum(o => o.Counts.Inserted + o.Counts.Updated + o.Counts.Unchanged));
        Assert.Equal(WithoutAbstract, first.Sum(o => o.Counts.Rejected));

        await using var db = database.CreateDbContext();
        Assert.Equal(DistinctTitles, await db.Papers.CountAsync(ct));
        Assert.Equal(DistinctTitles, await db.Papers.CountAsync(p => p.Source == "acl-anthology-xml" && p.ArxivId == null && p.Url!.StartsWith("https://aclanthology.org/"), ct));

        var updatedAtBefore = await db.Papers.MaxAsync(p => p.UpdatedAt, ct);
        await ingester.AssertReingestingChangesNothingAsync(Files, ct);

        Assert.Equal(DistinctTitles, await db.Papers.CountAsync(ct));
        Assert.Equal(updatedAtBefore, await db.Papers.MaxAsync(p => p.UpdatedAt, ct));
    }

    [Fact]
    public async Task Stored_paper_has_plain_title_all_authors_month_date_venue_and_landing_page()
    {
        var ct = TestContext.Current.CancellationToken;
        var ingester = Ingestion.CreateIngester(database, reader: new PaperSourceReader([new AclAnthologyXmlParser()]));
        Assert.Null((await ingester.IngestFileAsync(Path.Combine(FixturesDirectory, "2024.woah.xml"), format: null, ct)).Error);

        await using var db = database.CreateDbContext();
        var uli = await db.Papers.SingleAsync(p => p.Url == "https://aclanthology.org/2024.woah-1.16", ct);

        Assert.Equal("The Uli Dataset: An Exercise in Experience Led Annotation of oGBV", uli.Title);
        Assert.Equal(PaperIdentity.IdFor(new PaperRecord { Title = uli.Title, Authors = uli.Authors, Abstract = "", Source = "" }), uli.Id);
        Assert.StartsWith("pf-", uli.Id, StringComparison.Ordinal);
        Assert.Null(uli.ArxivId);
        Assert.Null(uli.ArxivVersion);
        Assert.StartsWith("Online gender-based violence has grown concomitantly with the adoption of the internet and social media.", uli.Abstract, StringComparison.Ordinal);
        Assert.Equal(
            ["Arnav Arora", "Maha Jinadoss", "Cheshta Arora", "Denny George", "Brindaalakshmi", "Haseena Khan", "Kirti Rawat", "Div", "Ritash", "Seema Mathur"],
            uli.Authors);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), uli.PublishedAt);
        Assert.Equal(DatePrecision.Month, uli.DatePrecision);
        Assert.Equal(["acl:woah"], uli.Categories);
        Assert.Equal("https://aclanthology.org/2024.woah-1.16.pdf", uli.PdfUrl);
        Assert.Equal(0, uli.Upvotes);
        Assert.Equal("acl-anthology-xml", uli.Source);
    }

    [Fact]
    public async Task Papers_without_an_abstract_are_recorded_as_rejected_with_their_line()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(FixturesDirectory, "2023.udfestbr.xml");
        var ingester = Ingestion.CreateIngester(database, reader: new PaperSourceReader([new AclAnthologyXmlParser()]));

        var outcome = await ingester.IngestFileAsync(path, format: null, ct);

        Assert.Null(outcome.Error);
        Assert.Equal(new Data.Ingest.BatchCounts(0, 0, 0, WithoutAbstract), outcome.Counts);
        await using var db = database.CreateDbContext();
        var run = await db.IngestRuns.OrderByDescending(r => r.Id).FirstAsync(ct);
        var rejected = await db.RejectedRecords.Where(r => r.IngestRunId == run.Id).OrderBy(r => r.Line).ToListAsync(ct);
        Assert.Equal(WithoutAbstract, rejected.Count);
        Assert.Equal(20, rejected[0].Line);
        Assert.Equal(path, rejected[0].Source);
        Assert.Equal("no abstract (2023.udfestbr-1.1 \"Lexical noun phrase chunking with Universal Dependencies for Portuguese\")", rejected[0].Reason);
    }
}
