using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivAtom;
using PaperFeed.Core.Papers;
using PaperFeed.Data.Ingest;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>The real arXiv API responses, ingested into PostgreSQL.</summary>
public sealed class ArxivAtomIngestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string Fixtures = IngestAssertions.FixturesOf("arxiv-api-atom");

    private static readonly string[] QuerySamples =
    [
        Path.Combine(Fixtures, "arxiv-api-query.atom.xml"),
        Path.Combine(Fixtures, "arxiv-api-query-oldstyle-id.atom.xml"),
        Path.Combine(Fixtures, "arxiv-api-query-2016.atom.xml"),
    ];

    // The ids of the 26 papers of the three query samples (old-style ids with '/' as '_').
    private static readonly string[] SampleIds =
    [
        "2202.12139", "2405.13786", "2005.14124", "2204.08348", "2302.03287", "1202.4527", "2503.05378", "1205.1866",
        "2502.07719", "1812.11470", "2403.16981", "2004.03322", "1912.09881", "2406.19956", "1912.04900",
        "astro-ph_0601001",
        "1201.4869", "cond-mat_0412498", "cond-mat_0603029", "1005.5383", "1303.6954", "1312.6177", "1412.6529",
        "cond-mat_0607501", "cond-mat_0702661", "0807.2873",
    ];

    private readonly PaperIngester _ingester = Ingestion.CreateIngester(database, reader: new PaperSourceReader([new ArxivAtomParser()]));

    [Fact]
    public async Task Samples_are_stored_with_their_fields_and_reingesting_changes_nothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        List<IngestOutcome> first = await _ingester.IngestFilesAsync(QuerySamples, ct);

        Assert.All(first, outcome => Assert.Null(outcome.Error));
        Assert.Equal([15, 1, 10], first.Select(outcome => outcome.Counts.Inserted));
        Assert.All(first, outcome => Assert.Equal(0, outcome.Counts.Rejected));
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(SampleIds.Length, await db.Papers.CountAsync(p => SampleIds.Contains(p.Id) && p.Source == "arxiv-api-atom", ct));

            var openCat = await db.Papers.SingleAsync(p => p.ArxivId == "2502.07719", ct);
            Assert.Equal("2502.07719", openCat.Id);
            Assert.Equal(2, openCat.ArxivVersion);
            Assert.Equal("OpenCat: Improving Interoperability of ADS Testing", openCat.Title);
            Assert.StartsWith("Testing Advanced Driving Assistance Systems (ADAS), such as lane-keeping functions,", openCat.Abstract, StringComparison.Ordinal);
            Assert.Equal(["Qurban Ali", "Andrea Stocco", "Leonardo Mariani", "Oliviero Riganelli"], openCat.Authors);
            Assert.Equal(new DateTimeOffset(2025, 2, 11, 0, 0, 0, TimeSpan.Zero), openCat.PublishedAt);
            Assert.Equal(DatePrecision.Day, openCat.DatePrecision);
            Assert.Equal(["cs.SE"], openCat.Categories);
            Assert.Equal(0, openCat.Upvotes);
            Assert.Null(openCat.Url);
            Assert.Null(openCat.PdfUrl);
            Assert.Equal("arxiv-api-atom", openCat.Source);

            var jupiters = await db.Papers.SingleAsync(p => p.ArxivId == "astro-ph/0601001", ct);
            Assert.Equal("astro-ph_0601001", jupiters.Id);
            Assert.Equal(1, jupiters.ArxivVersion);
            Assert.Equal(["Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski"], jupiters.Authors);
            Assert.Equal(new DateTimeOffset(2006, 1, 2, 0, 0, 0, TimeSpan.Zero), jupiters.PublishedAt);
            Assert.Equal(["astro-ph"], jupiters.Categories);

            var stripes = await db.Papers.SingleAsync(p => p.Id == "cond-mat_0603029", ct);
            Assert.Equal("From stripe to checkerboard order on the square lattice in the presence of quenched disorder", stripes.Title);
            Assert.Equal(["Adrian Del Maestro", "Bernd Rosenow", "Subir Sachdev"], stripes.Authors);
            Assert.Equal(["cond-mat.str-el", "cond-mat.supr-con"], stripes.Categories);

            var ranking = await db.Papers.SingleAsync(p => p.Id == "2405.13786", ct);
            Assert.Equal(["Aurora Ramírez", "Mario Berrios", "José Raúl Romero", "Robert Feldt"], ranking.Authors);
            Assert.Equal(["cs.SE", "cs.AI"], ranking.Categories);
        }

        await _ingester.AssertReingestingChangesNothingAsync(QuerySamples, ct);
    }

    [Fact]
    public async Task Query_without_matches_succeeds_with_nothing_stored()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Fixtures, "arxiv-api-query-empty.atom.xml");

        var outcome = await _ingester.IngestFileAsync(path, format: null, ct);

        Assert.Null(outcome.Error);
        Assert.Equal(new BatchCounts(0, 0, 0, 0), outcome.Counts);
        await database.AssertLatestRunAsync(path, IngestRunStatus.Succeeded, ct);
    }

    [Fact]
    public async Task Error_response_fails_with_the_api_message_and_stores_nothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Fixtures, "arxiv-api-error.atom.xml");

        var outcome = await _ingester.IngestFileAsync(path, format: null, ct);

        Assert.Equal($"{path}, line 9: arXiv API error: incorrect id format for abc", outcome.Error);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Papers.AnyAsync(p => p.Title == "Error", ct));
        var run = await db.LatestRunAsync(path, ct);
        Assert.Equal(IngestRunStatus.Failed, run.Status);
    }

    [Fact]
    public async Task Newer_version_replaces_the_text_and_an_older_one_does_not()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var v1 = Response("2601.00042v1", "The First Title", "The first abstract.", "Ann Author");
        var v2 = Response("2601.00042v2", "The Revised Title", "The revised abstract.", "Ann Author, Bo Coauthor");

        Assert.Equal(1, (await _ingester.IngestTextAsync(v1, "v1", ct)).Counts.Inserted);
        Assert.Equal(1, (await _ingester.IngestTextAsync(v2, "v2", ct)).Counts.Updated);
        var stale = await _ingester.IngestTextAsync(v1, "v1-again", ct);

        Assert.Equal(0, stale.Counts.Updated);
        await using var db = database.CreateDbContext();
        var paper = await db.Papers.SingleAsync(p => p.Id == "2601.00042", ct);
        Assert.Equal(2, paper.ArxivVersion);
        Assert.Equal("The Revised Title", paper.Title);
        Assert.Equal("The revised abstract.", paper.Abstract);
        Assert.Equal(["Ann Author, Bo Coauthor"], paper.Authors);
    }

    [Fact]
    public async Task Bad_entry_is_recorded_as_rejected_and_the_others_are_stored()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var feed = Response("2601.00077v1", "A Good Paper", "Good.", "Ann Author")
            .Replace("</feed>", "<entry><id>http://arxiv.org/abs/2601.00078v1</id><summary>No title.</summary></entry>\n</feed>", StringComparison.Ordinal);

        var outcome = await _ingester.IngestTextAsync(feed, "with-a-bad-entry", ct);

        Assert.Equal(new BatchCounts(1, 0, 0, 1), outcome.Counts);
        await using var db = database.CreateDbContext();
        var rejected = await db.RejectedRecords.SingleAsync(r => r.Source == "with-a-bad-entry", ct);
        Assert.Equal("2601.00078v1: no <title>", rejected.Reason);
        Assert.Equal(2, rejected.Entry);
        Assert.False(await db.Papers.AnyAsync(p => p.Id == "2601.00078", ct));
    }

    private static string Response(string id, string title, string summary, string author) => $"""
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
          <id>https://arxiv.org/api/test</id>
          <opensearch:totalResults>1</opensearch:totalResults>
          <entry>
            <id>http://arxiv.org/abs/{id}</id>
            <title>{title}</title>
            <summary>{summary}</summary>
            <published>2026-01-05T10:00:00Z</published>
            <author><name>{author}</name></author>
            <arxiv:primary_category term="cs.CL"/>
          </entry>
        </feed>
        """;
}
