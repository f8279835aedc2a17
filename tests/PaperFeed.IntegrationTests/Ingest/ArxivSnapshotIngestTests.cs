using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivSnapshot;
using PaperFeed.Core.Papers;
using PaperFeed.Data.Ingest;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>Real snapshot lines (the Core tests' fixture) ingested into PostgreSQL; a newer version replaces its row.</summary>
public sealed class ArxivSnapshotIngestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string Sample = Path.Combine(IngestAssertions.FixturesOf("arxiv-snapshot"), "snapshot-2025-sample.jsonl");

    private readonly PaperIngester _ingester = Ingestion.CreateIngester(database, reader: new PaperSourceReader([new ArxivSnapshotParser()]));

    [Fact]
    public async Task Sample_is_stored_with_its_fields_and_reingesting_changes_nothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;

        IngestOutcome first = await _ingester.IngestFileAsync(Sample, format: null, ct);

        Assert.Null(first.Error);
        // Another test of this class may have stored the sample already, so its papers may count as seen.
        Assert.Equal(49, first.Counts.Inserted + first.Counts.Updated + first.Counts.Unchanged);
        Assert.Equal(0, first.Counts.Rejected);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(49, await db.Papers.CountAsync(p => p.ArxivId!.StartsWith("250"), ct));
            var paper = await db.Papers.SingleAsync(p => p.Id == "2503.11731", ct);
            Assert.Equal("2503.11731", paper.ArxivId);
            Assert.Equal(1, paper.ArxivVersion);
            Assert.Equal("Industrial-Grade Sensor Simulation via Gaussian Splatting: A Modular Framework for Scalable Editing and Full-Stack Validation", paper.Title);
            Assert.False(paper.TitleIsDerived);
            Assert.StartsWith("Sensor simulation is pivotal for scalable validation of autonomous driving systems, yet", paper.Abstract, StringComparison.Ordinal);
            Assert.EndsWith("as a cornerstone for industrial-grade sensor simulation.", paper.Abstract, StringComparison.Ordinal);
            Assert.Equal(16, paper.Authors.Count);
            Assert.Equal("Xianming Zeng", paper.Authors[0]);
            Assert.Equal(["cs.CV", "cs.RO"], paper.Categories);
            Assert.Equal(new DateTimeOffset(2025, 3, 18, 0, 0, 0, TimeSpan.Zero), paper.PublishedAt);
            Assert.Equal(DatePrecision.Day, paper.DatePrecision);
            Assert.Null(paper.Url);
            Assert.Null(paper.PdfUrl);
            Assert.Equal("arxiv-snapshot", paper.Source);

            var latex = await db.Papers.SingleAsync(p => p.Id == "2503.15457", ct);
            Assert.Equal("Di$\\mathtt{[M]}$O: Distilling Masked Diffusion Models into One-step Generator", latex.Title);

            // One title under two arXiv ids stays two papers.
            Assert.Equal(2, await db.Papers.CountAsync(p => p.Title == "Towards Analyzing and Understanding the Limitations of VAPO: A Theoretical Perspective", ct));
        }

        IngestOutcome again = await _ingester.IngestFileAsync(Sample, format: null, ct);

        Assert.Null(again.Error);
        Assert.Equal((0, 0, 49), (again.Counts.Inserted, again.Counts.Updated, again.Counts.Unchanged));
    }

    [Fact]
    public async Task Newer_version_of_one_paper_updates_that_row_only()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await _ingester.IngestFileAsync(Sample, format: null, ct);
        Dictionary<string, DateTimeOffset> updatedBefore;
        await using (var db = database.CreateDbContext())
        {
            updatedBefore = await db.Papers.ToDictionaryAsync(p => p.Id, p => p.UpdatedAt, ct);
        }

        // The whole sample again, with 2503.11742 now at v2 with a revised title and abstract.
        var lines = await File.ReadAllLinesAsync(Sample, ct);
        var revised = lines.Select(line => line.Contains("\"2503.11742\"", StringComparison.Ordinal) ? Revised(line) : line);
        IngestOutcome outcome = await _ingester.IngestTextAsync(string.Join('\n', revised) + "\n", "snapshot-revised.jsonl", ct);

        Assert.Null(outcome.Error);
        Assert.Equal((0, 1, 48), (outcome.Counts.Inserted, outcome.Counts.Updated, outcome.Counts.Unchanged));
        await using (var db = database.CreateDbContext())
        {
            var paper = await db.Papers.SingleAsync(p => p.Id == "2503.11742", ct);
            Assert.Equal(2, paper.ArxivVersion);
            Assert.Equal("Safe Vision-Language Models via Unsafe Weights Manipulation (revised)", paper.Title);
            Assert.Equal("A revised abstract, as in the second version.", paper.Abstract);
            Assert.Equal(new DateTimeOffset(2025, 3, 18, 0, 0, 0, TimeSpan.Zero), paper.PublishedAt); // still v1's day
            Assert.Equal("Moreno D'Incà", paper.Authors[0]);

            var changed = (await db.Papers.ToListAsync(ct)).Where(p => p.UpdatedAt != updatedBefore[p.Id]).Select(p => p.Id);
            Assert.Equal(["2503.11742"], changed);
        }
    }

    [Fact]
    public async Task Bad_lines_are_kept_as_rejected_rows_with_their_line_numbers()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        const string text = """
            {"id":"2401.09001","title":"Fine","abstract":"Kept.","versions":[{"version":"v1","created":"Mon, 15 Jan 2024 10:00:00 GMT"}]}
            {"id":"2401.09002","title":"No abstract"}
            {"id":"2401.09003","title":"Broken",
            """;

        IngestOutcome outcome = await _ingester.IngestTextAsync(text + "\n", "bad-lines.jsonl", ct);

        Assert.Null(outcome.Error);
        Assert.Equal((1, 2), (outcome.Counts.Inserted, outcome.Counts.Rejected));
        await using var db = database.CreateDbContext();
        var rejected = await db.RejectedRecords.Where(r => r.Source == "bad-lines.jsonl").OrderBy(r => r.Line).ToListAsync(ct);
        Assert.Equal([2L, 3L], rejected.Select(r => r.Line!.Value));
        Assert.Equal("2401.09002: no \"abstract\"", rejected[0].Reason);
        Assert.StartsWith("malformed JSON", rejected[1].Reason, StringComparison.Ordinal);
    }

    private static string Revised(string line)
    {
        JsonNode paper = JsonNode.Parse(line)!;
        paper["title"] = paper["title"]!.GetValue<string>() + " (revised)";
        paper["abstract"] = "  A revised abstract,\nas in the second version.\n";
        paper["versions"]!.AsArray().Add(new JsonObject { ["version"] = "v2", ["created"] = "Mon, 7 Apr 2025 12:00:00 GMT" });
        return paper.ToJsonString();
    }
}
