using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaperFeed.Data.Ingest;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.Worker.Ingest;
using PaperFeed.Worker.Ingest.Live;

namespace PaperFeed.IntegrationTests.Ingest.Live;

/// <summary>The worker's scheduler with live sources: cron, the advisory lock between workers, settings checked at start.</summary>
public sealed class ScheduledLiveIngestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Dictionary<string, string?> ApiSourceAt0600 = new()
    {
        ["ScheduledIngest:Sources:0:Kind"] = "arxiv-api",
        ["ScheduledIngest:Sources:0:Query"] = "all:testing",
        ["ScheduledIngest:Sources:0:Cron"] = "0 6 * * *",
        ["ScheduledIngest:Sources:0:PageSize"] = "5",
        ["ScheduledIngest:Sources:0:MaxResults"] = "15",
    };

    [Fact]
    public async Task Worker_pulls_a_live_source_when_its_cron_schedule_comes_and_records_the_run()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 59, 0, TimeSpan.Zero));
        await using var server = await LoopbackServer.StartAsync(LiveSamples.WriteApiPageAsync);
        await using var services = LiveServices.Create(database, server, ApiSourceAt0600, clock);
        var worker = services.GetRequiredService<ScheduledIngestService>();

        await worker.StartAsync(ct); // runs up to its wait for 06:00
        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200, ct);
        Assert.Empty(server.Requests);

        clock.Advance(TimeSpan.FromSeconds(1));
        var run = await WaitForFinishedRunAsync(startedAt: clock.GetUtcNow(), ct);
        await worker.StopAsync(ct);

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.Equal(15, run.Inserted + run.Updated + run.Unchanged);
        Assert.Equal(["0", "5", "10"], server.Requests.Select(r => r["start"]));
    }

    [Fact]
    public async Task A_second_worker_skips_the_occurrence_while_the_first_is_ingesting()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var firstPage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            await firstPage.Task.WaitAsync(ct); // holds the first worker in the middle of its ingest
            await LiveSamples.WriteApiPageAsync(context, request);
        });
        await using var first = LiveServices.Create(database, server, ApiSourceAt0600);
        await using var second = LiveServices.Create(database, server, ApiSourceAt0600);
        var sources = first.GetRequiredService<IOptions<ScheduledIngestOptions>>().Value.Sources;

        var ingesting = first.GetRequiredService<ScheduledIngestService>().RunOccurrenceAsync(sources, ct);
        while (server.Requests.Count == 0)
        {
            await Task.Delay(20, ct);
        }

        var skipped = await second.GetRequiredService<ScheduledIngestService>().RunOccurrenceAsync(sources, ct);
        firstPage.SetResult();
        var ingested = await ingesting;
        var afterwards = await second.GetRequiredService<ScheduledIngestService>().RunOccurrenceAsync(sources, ct);

        Assert.Null(skipped);
        Assert.Null(Assert.Single(ingested!).Error);
        Assert.Null(Assert.Single(afterwards!).Error); // the lock was released
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task An_OAI_source_from_configuration_harvests_its_set_from_its_From_day_up_to_today()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync(LiveSamples.WriteOaiPageAsync);
        await using var services = LiveServices.Create(database, server, new Dictionary<string, string?>
        {
            ["ScheduledIngest:Sources:0:Kind"] = "arxiv-oai",
            ["ScheduledIngest:Sources:0:Set"] = "physics:hep-ex",
            ["ScheduledIngest:Sources:0:From"] = "2017-12-14",
            ["ScheduledIngest:Sources:0:Cron"] = "30 2 * * *",
        });
        var source = Assert.Single(services.GetRequiredService<IOptions<ScheduledIngestOptions>>().Value.Sources);
        await using var scope = services.CreateAsyncScope();

        var outcome = Assert.Single(await scope.ServiceProvider.GetRequiredService<ScheduledSourceRunner>().RunAsync(source, ct));

        Assert.Null(outcome.Error);
        Assert.Equal(11, outcome.Counts.Records);
        var first = server.Requests[0];
        Assert.Equal(
            ("arXivRaw", "physics:hep-ex", "2017-12-14", DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (first["metadataPrefix"], first["set"], first["from"], first["until"]));
    }

    [Fact]
    public async Task Wrong_live_source_settings_are_refused_naming_each_setting()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Task.CompletedTask);
        await using var services = LiveServices.Create(database, server, new Dictionary<string, string?>
        {
            ["ScheduledIngest:Sources:0:Kind"] = "arxiv-oai",
            ["ScheduledIngest:Sources:0:MetadataPrefix"] = "oai_dc",
            ["ScheduledIngest:Sources:0:Cron"] = "every morning",
            ["ScheduledIngest:Sources:1:Kind"] = "arxiv-rss",
            ["ScheduledIngest:Sources:1:Cron"] = "0 5 * * 1-5",
            ["ScheduledIngest:Sources:2:Kind"] = "arxiv-feed",
            ["ScheduledIngest:Sources:2:Cron"] = "0 5 * * *",
            ["Fetch:RequestInterval"] = "-00:00:01",
        });

        var scheduled = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ScheduledIngestOptions>>().Value);
        var fetch = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FetchOptions>>().Value);

        Assert.Equal(
            [
                "ScheduledIngest:Sources:0: Cron 'every morning' is not a five-field cron expression (e.g. '0 6 * * *').",
                "ScheduledIngest:Sources:0: MetadataPrefix must be one of arXiv, arXivRaw.",
                "ScheduledIngest:Sources:1: Categories (e.g. ['cs.CL']) must list at least one category, none empty.",
                "ScheduledIngest:Sources:2: Kind 'arxiv-feed' is none of file, arxiv-api, arxiv-oai, arxiv-rss, hf-daily-papers.",
            ],
            scheduled.Failures);
        Assert.Contains("Fetch:RequestInterval must be between 0 and 10 minutes.", fetch.Message, StringComparison.Ordinal);
    }

    private async Task<IngestRun> WaitForFinishedRunAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using (var db = database.CreateDbContext())
            {
                if (await db.IngestRuns.FirstOrDefaultAsync(r => r.StartedAt == startedAt && r.FinishedAt != null, timeout.Token) is { } run)
                {
                    return run;
                }
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
