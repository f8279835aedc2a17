using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.HuggingFace;
using PaperFeed.Core.Papers;
using PaperFeed.Data.Ingest;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>The real Hugging Face papers API responses, ingested into PostgreSQL; upvotes only ever grow.</summary>
public sealed class HuggingFaceIngestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string Fixtures = IngestAssertions.FixturesOf("hf-papers-json");

    private static readonly string[] Samples =
    [
        Path.Combine(Fixtures, "hf-daily-papers.json"),
        Path.Combine(Fixtures, "hf-papers-search.json"),
        Path.Combine(Fixtures, "hf-paper.json"),
        Path.Combine(Fixtures, "hf-daily-paper-item.json"),
    ];

    private readonly PaperIngester _ingester = Ingestion.CreateIngester(database, reader: new PaperSourceReader([new HuggingFacePapersParser()]));

    [Fact]
    public async Task Samples_are_stored_with_their_fields_and_reingesting_changes_nothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        List<IngestOutcome> first = await _ingester.IngestFilesAsync(Samples, ct);

        Assert.All(first, outcome => Assert.Null(outcome.Error));
        // Other tests of this class may have stored the daily list first, so its papers count as seen, not new.
        Assert.Equal([6, 9, 1, 1], first.Select(outcome => outcome.Counts.Inserted + outcome.Counts.Unchanged + outcome.Counts.Updated));
        await using (var db = database.CreateDbContext())
        {
            var bdh = await db.Papers.SingleAsync(p => p.Id == "2608.09888", ct);
            Assert.Equal("2608.09888", bdh.ArxivId);
            Assert.Null(bdh.ArxivVersion);
            Assert.Equal("BDH-CQ: In-Context Learning with Recurrent Latent Reasoning", bdh.Title);
            Assert.StartsWith("We introduce BDH-CQ, a reasoning model", bdh.Abstract, StringComparison.Ordinal);
            Assert.Equal(9, bdh.Authors.Count);
            Assert.Equal("Bj\u00f6rn Engdahl", bdh.Authors[0]);
            Assert.Equal(new DateTimeOffset(2026, 8, 10, 0, 0, 0, TimeSpan.Zero), bdh.PublishedAt);
            Assert.Equal(DatePrecision.Day, bdh.DatePrecision);
            Assert.Empty(bdh.Categories);
            Assert.Equal(782, bdh.Upvotes);
            Assert.Null(bdh.Url);
            Assert.Equal("hf-papers-json", bdh.Source);

            var kazqad = await db.Papers.SingleAsync(p => p.Id == "2404.04487", ct);
            Assert.Equal(1, kazqad.Upvotes);
            Assert.Equal(new DateTimeOffset(2024, 4, 6, 0, 0, 0, TimeSpan.Zero), kazqad.PublishedAt);
            Assert.Equal(["Rustem Yeshpanov", "Pavel Efimov", "Leonid Boytsov", "Ardak Shalkarbayuli", "Pavel Braslavski"], kazqad.Authors);
        }

        await _ingester.AssertReingestingChangesNothingAsync(Samples, ct);
    }

    [Fact]
    public async Task Larger_upvote_count_later_raises_the_stored_one_and_a_smaller_one_does_not_lower_it()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var sample = await File.ReadAllTextAsync(Samples[0], ct);
        await IngestAsync(sample, "day-1.json");
        Assert.Equal(8, await UpvotesAsync("2606.11409"));

        // The same list fetched later: 2606.11409 gained votes, then (another mirror, an older copy) shows fewer.
        var later = await IngestAsync(WithUpvotes(sample, 8, 20), "day-2.json");
        Assert.Equal((0, 1), (later.Counts.Inserted, later.Counts.Updated));
        Assert.Equal(20, await UpvotesAsync("2606.11409"));

        var older = await IngestAsync(WithUpvotes(sample, 8, 5), "stale.json");
        Assert.Equal((0, 0), (older.Counts.Inserted, older.Counts.Updated));
        Assert.Equal(20, await UpvotesAsync("2606.11409"));
        Assert.Equal(13, await UpvotesAsync("2606.06113"));
    }

    [Fact]
    public async Task Same_paper_twice_in_one_response_is_stored_once_with_the_larger_count()
    {
        const string item = """{"paper":{"id":"2401.07777","authors":[{"name":"Ada Lovelace"}],"publishedAt":"2024-01-15T00:00:00.000Z","title":"Twice","summary":"Listed twice.","upvotes":UPVOTES}}""";

        var outcome = await IngestAsync($"[{item.Replace("UPVOTES", "30", StringComparison.Ordinal)},{item.Replace("UPVOTES", "25", StringComparison.Ordinal)}]", "twice.json");

        Assert.Equal(1, outcome.Counts.Inserted);
        Assert.Equal(30, await UpvotesAsync("2401.07777"));
    }

    [Fact]
    public async Task Entry_without_an_id_is_kept_as_a_rejected_row_with_its_number()
    {
        const string response = """[{"paper":{"id":"2401.08888","title":"Fine","summary":"Kept.","upvotes":1}},{"paper":{"title":"No id","summary":"Rejected."}}]""";

        var outcome = await IngestAsync(response, "no-id.json");

        Assert.Equal((1, 1), (outcome.Counts.Inserted, outcome.Counts.Rejected));
        await using var db = database.CreateDbContext();
        var rejected = await db.RejectedRecords.SingleAsync(r => r.Source == "no-id.json", TestContext.Current.CancellationToken);
        Assert.Equal((2L, "entry without a paper id"), (rejected.Entry!.Value, rejected.Reason));
    }

    private static string WithUpvotes(string json, int from, int to)
    {
        var before = $"\"upvotes\":{from},";
        Assert.Equal(2, json.Split(before).Length); // exactly one paper has that count
        return json.Replace(before, $"\"upvotes\":{to},", StringComparison.Ordinal);
    }

    private async Task<IngestOutcome> IngestAsync(string json, string name)
    {
        var outcome = await _ingester.IngestTextAsync(json, name, TestContext.Current.CancellationToken);
        Assert.Null(outcome.Error);
        return outcome;
    }

    private async Task<int> UpvotesAsync(string id)
    {
        await using var db = database.CreateDbContext();
        return await db.Papers.Where(p => p.Id == id).Select(p => p.Upvotes).SingleAsync(TestContext.Current.CancellationToken);
    }
}
