using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Data.Ingest;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.Worker.Ingest.Live;

namespace PaperFeed.IntegrationTests.Ingest.Live;

/// <summary>
/// OAI-PMH harvests against a loopback server replaying the real arXiv responses, chained into one three-part list
/// by their resumption tokens (<see cref="LiveSamples.WriteOaiPageAsync"/>).
/// </summary>
public sealed class OaiPmhLiveTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateOnly From = new(2014, 10, 1);
    private static readonly DateOnly Until = new(2015, 1, 6);

    [Fact]
    public async Task Harvest_sends_the_date_range_then_follows_resumption_tokens_to_the_end()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync(LiveSamples.WriteOaiPageAsync);
        await using var services = LiveServices.Create(database, server);
        var request = Request(server, set: "physics");

        var outcome = await HarvestAsync(services, request, ct);

        Assert.Null(outcome.Error);
        Assert.Equal(11, outcome.Counts.Records);
        Assert.Equal(
            [
                "verb=ListRecords metadataPrefix=arXivRaw set=physics from=2014-10-01 until=2015-01-06",
                "verb=ListRecords resumptionToken=726959|1001",
                "verb=ListRecords resumptionToken=788421|43001",
            ],
            server.Requests.Select(Describe));
        await using var db = database.CreateDbContext();
        Assert.Equal(11, await db.Papers.CountAsync(p => LiveSamples.OaiHarvestIds.Contains(p.Id), ct));
        Assert.Equal(1, await db.IngestRuns.CountAsync(r => r.Source == request.SourceKey && r.Status == IngestRunStatus.Succeeded, ct));
        var checkpoint = await db.HarvestCheckpoints.SingleAsync(c => c.SourceKey == request.SourceKey, ct);
        Assert.Null(checkpoint.Token);
    }

    [Fact]
    public async Task Interrupted_harvest_resumes_from_the_stored_token_and_ends_with_the_table_of_an_uninterrupted_one()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var crash = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var interrupted = true;
        await using var server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            if (interrupted && request["resumptionToken"] == "726959|1001")
            {
                await crash.CancelAsync(); // the worker dies while it waits for the second part, which never comes
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await LiveSamples.WriteOaiPageAsync(context, request);
        });
        await using var crashed = await FreshDatabaseAsync();
        await using var services = LiveServices.Create(crashed, server);
        var request = Request(server, set: "cs");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HarvestAsync(services, request, crash.Token));

        await using (var db = crashed.CreateDbContext())
        {
            var checkpoint = await db.HarvestCheckpoints.SingleAsync(c => c.SourceKey == request.SourceKey, ct);
            Assert.Equal(("726959|1001", From, Until), (checkpoint.Token, checkpoint.From, checkpoint.Until));
            Assert.Equal(6, await db.Papers.CountAsync(ct));
        }

        interrupted = false;
        var resumed = await HarvestAsync(services, request, ct);

        Assert.Null(resumed.Error);
        Assert.Equal(5, resumed.Counts.Records);
        Assert.Equal(
            ["metadataPrefix=arXivRaw", "resumptionToken=726959|1001", "resumptionToken=726959|1001", "resumptionToken=788421|43001"],
            server.Requests.Select(r => Describe(r).Split(' ')[1]));
        await using var uninterrupted = await FreshDatabaseAsync();
        await using (var reference = LiveServices.Create(uninterrupted, server))
        {
            Assert.Null((await HarvestAsync(reference, request, ct)).Error);
        }

        var papers = await PapersAsync(crashed, ct);
        Assert.Equal(11, papers.Count);
        Assert.Equal(await PapersAsync(uninterrupted, ct), papers);
    }

    [Fact]
    public async Task An_expired_token_restarts_the_date_range_from_the_checkpointed_from()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync(LiveSamples.WriteOaiPageAsync);
        await using var services = LiveServices.Create(database, server);
        var request = Request(server, set: "math") with { From = null, Until = null };
        await SaveCheckpointAsync(request.SourceKey, token: "3", From, Until, ct); // "3" is answered with badResumptionToken

        var outcome = await HarvestAsync(services, request, ct);

        Assert.Null(outcome.Error);
        Assert.Equal(11, outcome.Counts.Records);
        Assert.Equal(
            [
                "verb=ListRecords resumptionToken=3",
                "verb=ListRecords metadataPrefix=arXivRaw set=math from=2014-10-01 until=2015-01-06",
                "verb=ListRecords resumptionToken=726959|1001",
                "verb=ListRecords resumptionToken=788421|43001",
            ],
            server.Requests.Select(Describe));
    }

    [Fact]
    public async Task A_token_that_expires_again_after_the_restart_fails_the_run_naming_the_OAI_error()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync((context, request) => request["resumptionToken"] == "726959|1001"
            ? LiveSamples.WriteFileAsync(context, LiveSamples.OaiBadResumptionToken, "text/xml")
            : LiveSamples.WriteOaiPageAsync(context, request));
        await using var services = LiveServices.Create(database, server);
        var request = Request(server, set: "q-bio");
        await SaveCheckpointAsync(request.SourceKey, token: "3", From, Until, ct);

        var outcome = await HarvestAsync(services, request, ct);

        Assert.Equal(3, server.Requests.Count); // "3" (expired), the restart, 726959|1001 (expired again): no second restart
        Assert.Equal(
            $"{request.ResumeUrl("726959|1001")}, line 5: OAI-PMH error badResumptionToken: The resumptionToken supplied is illegal for this repository",
            outcome.Error);
        Assert.Equal(6, outcome.Counts.Records); // the part before the failure stays stored
    }

    [Fact]
    public async Task Incremental_harvest_asks_up_to_today_then_starts_the_next_where_it_ended()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync(LiveSamples.WriteOaiPageAsync);
        await using var services = LiveServices.Create(database, server, clock: new FixedClock(Ingestion.Today));
        var request = Request(server, set: "cond-mat") with { Until = null, Incremental = true };

        var first = await HarvestAsync(services, request, ct);
        var second = await HarvestAsync(services, request, ct);

        Assert.Null(first.Error);
        Assert.Null(second.Error);
        var starts = server.Requests.Where(r => r["metadataPrefix"] is not null).Select(Describe).ToList();
        Assert.Equal(
            [
                "verb=ListRecords metadataPrefix=arXivRaw set=cond-mat from=2014-10-01 until=2026-11-23",
                "verb=ListRecords metadataPrefix=arXivRaw set=cond-mat from=2026-11-23 until=2026-11-23",
            ],
            starts);
    }

    private static OaiHarvestRequest Request(LoopbackServer server, string set) =>
        new(server.Url("oai"), "arXivRaw", set, From, Until, Incremental: false);

    private static async Task<IngestOutcome> HarvestAsync(IServiceProvider services, OaiHarvestRequest request, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OaiPmhHarvester>().HarvestAsync(request, cancellationToken);
    }

    private static string Describe(ReceivedRequest request) =>
        string.Join(' ', request.Query.Select(parameter => $"{parameter.Key}={parameter.Value}"));

    private async Task SaveCheckpointAsync(string sourceKey, string token, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        db.HarvestCheckpoints.Add(new HarvestCheckpoint { SourceKey = sourceKey, Token = token, From = from, Until = until, UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<TestDatabase> FreshDatabaseAsync()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        return database;
    }

    /// <summary>Every stored paper, every column but the timestamps of the writes.</summary>
    private static async Task<List<string>> PapersAsync(TestDatabase database, CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        var papers = await db.Papers.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return papers.Select(p => string.Join(
            " | ",
            p.Id, p.ArxivId, p.ArxivVersion, p.TitleKey, p.Title, p.TitleIsDerived, p.Abstract, string.Join(", ", p.Authors), p.AuthorCount,
            p.PublishedAt, p.DatePrecision, string.Join(", ", p.Categories), p.Upvotes, p.Url, p.PdfUrl, p.Source,
            Convert.ToHexString(p.ContentHash))).ToList();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
