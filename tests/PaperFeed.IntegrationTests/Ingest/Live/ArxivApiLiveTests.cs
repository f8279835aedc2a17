using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Data.Ingest;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.Worker.Ingest.Live;

namespace PaperFeed.IntegrationTests.Ingest.Live;

/// <summary>Paging through arXiv API queries against a loopback server replaying the real API sample.</summary>
public sealed class ArxivApiLiveTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Query_is_paged_with_start_and_max_results_until_totalResults_as_one_run()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync(LiveSamples.WriteApiPageAsync);
        await using var services = LiveServices.Create(database, server);

        var outcome = await HarvestAsync(services, Query(server, "all:testing", pageSize: 5), ct);

        Assert.Null(outcome.Error);
        Assert.Equal(15, outcome.Counts.Records);
        Assert.Equal(["0/5", "5/5", "10/5"], server.Requests.Select(r => $"{r["start"]}/{r["max_results"]}"));
        Assert.All(server.Requests, r => Assert.Equal(("/api/query", "all:testing", "submittedDate", "descending"), (r.Path, r["search_query"], r["sortBy"], r["sortOrder"])));
        Assert.All(server.Requests, r => Assert.StartsWith("PaperFeed/", r.UserAgent, StringComparison.Ordinal));
        await using var db = database.CreateDbContext();
        Assert.Equal(15, await db.Papers.CountAsync(p => LiveSamples.ApiQueryIds.Contains(p.Id), ct));
        var run = await db.IngestRuns.SingleAsync(r => r.Source == outcome.Source, ct);
        Assert.Equal((IngestRunStatus.Succeeded, 15), (run.Status, run.Inserted + run.Updated + run.Unchanged));
        Assert.Equal(0, await db.RejectedRecords.CountAsync(r => r.IngestRunId == run.Id, ct));
    }

    [Fact]
    public async Task MaxResults_stops_the_harvest_and_asks_only_for_what_is_left()
    {
        await using var server = await LoopbackServer.StartAsync(LiveSamples.WriteApiPageAsync);
        await using var services = LiveServices.Create(database, server);

        var outcome = await HarvestAsync(services, Query(server, "all:testing", pageSize: 5) with { MaxResults = 7 }, TestContext.Current.CancellationToken);

        Assert.Null(outcome.Error);
        Assert.Equal(7, outcome.Counts.Records);
        Assert.Equal(["0/5", "5/2"], server.Requests.Select(r => $"{r["start"]}/{r["max_results"]}"));
    }

    [Fact]
    public async Task An_empty_page_before_totalResults_is_asked_again()
    {
        await using var server = await LoopbackServer.StartAsync((context, request) => request.Number == 2
            ? LiveSamples.WriteAsync(context, LiveSamples.ApiPage(5, 5, total: 15, withoutEntries: true), "application/atom+xml")
            : LiveSamples.WriteApiPageAsync(context, request));
        await using var services = LiveServices.Create(database, server);

        var outcome = await HarvestAsync(services, Query(server, "all:testing", pageSize: 5), TestContext.Current.CancellationToken);

        Assert.Null(outcome.Error);
        Assert.Equal(15, outcome.Counts.Records);
        Assert.Equal(["0", "5", "5", "10"], server.Requests.Select(r => r["start"]));
    }

    [Fact]
    public async Task A_503_is_retried_after_its_Retry_After_delay()
    {
        await using var server = await LoopbackServer.StartAsync((context, request) =>
        {
            if (request.Number == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return LiveSamples.WriteAsync(context, "busy", "text/plain", status: 503);
            }

            return LiveSamples.WriteApiPageAsync(context, request);
        });
        await using var services = LiveServices.Create(database, server);

        var outcome = await HarvestAsync(services, Query(server, "all:testing", pageSize: 15), TestContext.Current.CancellationToken);

        Assert.Null(outcome.Error);
        Assert.Equal(15, outcome.Counts.Records);
        Assert.Equal(2, server.Requests.Count);
        // RetryDelay is 10 ms here: a second's wait is the server's Retry-After.
        Assert.InRange(server.Requests[1].At - server.Requests[0].At, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            if (request.Number == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await LiveSamples.WriteApiPageAsync(context, request);
        });
        await using var services = LiveServices.Create(database, server, new Dictionary<string, string?> { ["Fetch:AttemptTimeout"] = "00:00:00.300" });

        var outcome = await HarvestAsync(services, Query(server, "all:testing", pageSize: 15), TestContext.Current.CancellationToken);

        Assert.Null(outcome.Error);
        Assert.Equal(15, outcome.Counts.Records);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_error_that_persists_fails_the_run_after_the_retries_naming_the_status()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync((context, _) => LiveSamples.WriteAsync(context, "down", "text/plain", status: 500));
        await using var services = LiveServices.Create(database, server, new Dictionary<string, string?> { ["Fetch:MaxRetries"] = "2" });

        var outcome = await HarvestAsync(services, Query(server, "cat:hep-th", pageSize: 5), ct);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal($"{server.Url("api/query")}?search_query=cat%3Ahep-th&sortBy=submittedDate&sortOrder=descending&start=0&max_results=5: HTTP 500 Internal Server Error", outcome.Error);
        await using var db = database.CreateDbContext();
        var run = await db.IngestRuns.SingleAsync(r => r.Source == outcome.Source, ct);
        Assert.Equal((IngestRunStatus.Failed, outcome.Error), (run.Status, run.Error));
        Assert.NotNull(run.FinishedAt);
    }

    [Fact]
    public async Task A_bad_query_fails_with_the_explanation_of_the_API()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
            LiveSamples.WriteFileAsync(context, LiveSamples.ApiError, "application/atom+xml", status: 400));
        await using var services = LiveServices.Create(database, server, new Dictionary<string, string?> { ["Fetch:MaxRetries"] = "0" });

        var outcome = await HarvestAsync(services, Query(server, "", pageSize: 5) with { SearchQuery = null, IdList = "abc" }, TestContext.Current.CancellationToken);

        Assert.Single(server.Requests);
        Assert.EndsWith("HTTP 400: arXiv API error: incorrect id format for abc", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_are_spaced_by_the_request_interval()
    {
        await using var server = await LoopbackServer.StartAsync(LiveSamples.WriteApiPageAsync);
        await using var services = LiveServices.Create(database, server, new Dictionary<string, string?> { ["Fetch:RequestInterval"] = "00:00:00.300" });

        var outcome = await HarvestAsync(services, Query(server, "all:testing", pageSize: 5), TestContext.Current.CancellationToken);

        Assert.Null(outcome.Error);
        var starts = server.Requests.Select(r => r.At).ToList();
        Assert.Equal(3, starts.Count);
        // The pacer spaces the sends; arrival times at the server also carry scheduling jitter (tens of ms on a loaded
        // 2-core machine), so the check allows that much while still failing for unpaced requests (~0 ms apart).
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(200), $"{pair.Second - pair.First}"));
    }

    [Fact]
    public async Task An_interrupted_harvest_resumes_at_the_page_it_had_reached()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var crash = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var interrupted = true;
        await using var server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            if (interrupted && request["start"] == "10")
            {
                await crash.CancelAsync(); // the worker dies while it waits for the third page, which never comes
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await LiveSamples.WriteApiPageAsync(context, request);
        });
        await using var services = LiveServices.Create(database, server);
        var query = Query(server, "all:resume", pageSize: 5);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HarvestAsync(services, query, crash.Token));
        interrupted = false;
        var resumed = await HarvestAsync(services, query, ct);

        Assert.Null(resumed.Error);
        Assert.Equal(["0", "5", "10", "10"], server.Requests.Select(r => r["start"]));
        Assert.Equal(5, resumed.Counts.Records);
        await using var db = database.CreateDbContext();
        var checkpoint = await db.HarvestCheckpoints.SingleAsync(c => c.SourceKey == query.SourceKey, ct);
        Assert.Null(checkpoint.Token);
    }

    internal static ArxivApiQuery Query(LoopbackServer server, string searchQuery, int pageSize) =>
        new(server.Url("api/query"), searchQuery, IdList: null, "submittedDate", "descending", Start: 0, pageSize, MaxResults: null);

    private static async Task<IngestOutcome> HarvestAsync(IServiceProvider services, ArxivApiQuery query, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArxivApiHarvester>().HarvestAsync(query, cancellationToken);
    }
}
