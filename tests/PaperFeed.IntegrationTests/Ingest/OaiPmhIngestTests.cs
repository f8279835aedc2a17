using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.OaiPmh;
using PaperFeed.Core.Papers;
using PaperFeed.Data.Ingest;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>The real arXiv OAI-PMH responses, ingested into PostgreSQL.</summary>
public sealed class OaiPmhIngestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string Fixtures = IngestAssertions.FixturesOf("arxiv-oai-pmh");

    private static readonly string[] ListRecordsSamples =
    [
        Path.Combine(Fixtures, "arxiv-oai-listrecords-arXiv.xml"),
        Path.Combine(Fixtures, "arxiv-oai-listrecords-arXiv-2017.xml"),
        Path.Combine(Fixtures, "arxiv-oai-listrecords-arXivRaw.xml"),
    ];

    private static readonly string[] SampleIds =
    [
        "0712.4079", "0712.4080", "1706.05371", "1706.09418", "1707.00874",
        "0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586",
    ];

    private readonly PaperIngester _ingester = Ingestion.CreateIngester(database, reader: new PaperSourceReader([new OaiPmhParser()]));

    [Fact]
    public async Task Samples_are_stored_with_their_fields_and_reingesting_changes_nothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        List<IngestOutcome> first = await _ingester.IngestFilesAsync(ListRecordsSamples, ct);

        Assert.All(first, outcome => Assert.Null(outcome.Error));
        Assert.Equal([2, 3, 6], first.Select(outcome => outcome.Counts.Inserted));
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(SampleIds.Length, await db.Papers.CountAsync(p => SampleIds.Contains(p.Id), ct));

            var limits = await db.Papers.SingleAsync(p => p.ArxivId == "0704.0716", ct);
            Assert.Equal("0704.0716", limits.Id);
            Assert.Equal(4, limits.ArxivVersion);
            Assert.Equal("Limit distributions and scaling functions", limits.Title);
            Assert.StartsWith("We discuss the asymptotic behaviour of models of lattice polygons", limits.Abstract, StringComparison.Ordinal);
            Assert.Equal(["Christoph Richard"], limits.Authors);
            Assert.Equal(new DateTimeOffset(2007, 4, 5, 0, 0, 0, TimeSpan.Zero), limits.PublishedAt);
            Assert.Equal(DatePrecision.Day, limits.DatePrecision);
            Assert.Equal(["math-ph", "math.MP"], limits.Categories);
            Assert.Equal(0, limits.Upvotes);
            Assert.Null(limits.Url);
            Assert.Equal("arxiv-oai-pmh", limits.Source);

            var vortex = await db.Papers.SingleAsync(p => p.Id == "0712.4079", ct);
            Assert.Null(vortex.ArxivVersion);
            Assert.Equal(["Mauro M. Doria", "Antonio R. de C. Romaguera", "F. M. Peeters"], vortex.Authors);
            Assert.Equal(["cond-mat.supr-con", "cond-mat.mes-hall", "cond-mat.mtrl-sci"], vortex.Categories);
            Assert.Equal(new DateTimeOffset(2007, 12, 25, 0, 0, 0, TimeSpan.Zero), vortex.PublishedAt);
        }

        await _ingester.AssertReingestingChangesNothingAsync(ListRecordsSamples, ct);
    }

    [Fact]
    public async Task NoRecordsMatch_response_succeeds_with_nothing_stored()
    {
        var outcome = await _ingester.IngestFileAsync(Path.Combine(Fixtures, "arxiv-oai-error-noRecordsMatch.xml"), format: null, TestContext.Current.CancellationToken);

        Assert.Null(outcome.Error);
        Assert.Equal(0, outcome.Counts.Inserted + outcome.Counts.Updated + outcome.Counts.Unchanged + outcome.Counts.Rejected);
    }

    [Fact]
    public async Task Error_response_fails_naming_the_file_and_the_OAI_error()
    {
        var path = Path.Combine(Fixtures, "arxiv-oai-error-badResumptionToken.xml");

        var outcome = await _ingester.IngestFileAsync(path, format: null, TestContext.Current.CancellationToken);

        Assert.Equal($"{path}, line 5: OAI-PMH error badResumptionToken: The resumptionToken supplied is illegal for this repository", outcome.Error);
    }

    [Fact]
    public async Task Deleted_record_is_kept_as_a_rejected_row_beside_the_stored_one()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        const string response = """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
            <responseDate>2025-01-06T20:49:59Z</responseDate>
            <request verb="ListRecords" metadataPrefix="arXivRaw">https://oaipmh.arxiv.org/oai</request>
            <ListRecords>
            <record><header status="deleted"><identifier>oai:arXiv.org:2401.09998</identifier><datestamp>2025-01-02</datestamp></header></record>
            <record><header><identifier>oai:arXiv.org:2401.09999</identifier><datestamp>2025-01-02</datestamp></header><metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>2401.09999</id><version version="v1"><date>Mon, 1 Jan 2024 10:00:00 GMT</date></version><version version="v2"><date>Tue, 2 Jan 2024 10:00:00 GMT</date></version><title>Kept</title><authors>A. Author</authors><categories>cs.LG</categories><abstract>Stored.</abstract></arXivRaw></metadata></record>
            </ListRecords>
            </OAI-PMH>
            """;

        var outcome = await _ingester.IngestTextAsync(response, "deleted.xml", ct);

        Assert.Null(outcome.Error);
        Assert.Equal((1, 1), (outcome.Counts.Inserted, outcome.Counts.Rejected));
        await using var db = database.CreateDbContext();
        var rejected = await db.RejectedRecords.SingleAsync(r => r.Source == "deleted.xml", ct);
        Assert.Equal((6L, "deleted record oai:arXiv.org:2401.09998"), (rejected.Line!.Value, rejected.Reason));
        Assert.Equal(2, (await db.Papers.SingleAsync(p => p.Id == "2401.09999", ct)).ArxivVersion);
    }
}
