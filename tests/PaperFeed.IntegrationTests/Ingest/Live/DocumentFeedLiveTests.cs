using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.Worker.Ingest;

namespace PaperFeed.IntegrationTests.Ingest.Live;

/// <summary>Sources fetched whole in one answer, as the scheduler runs them: arXiv's listing feeds and the Hugging Face daily papers.</summary>
public sealed class DocumentFeedLiveTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Each_category_feed_is_fetched_and_a_bad_category_fails_alone()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync((context, request) => LiveSamples.WriteFileAsync(
            context,
            request.Path switch
            {
                "/rss/astro-ph" => LiveSamples.RssNew,
                "/rss/cs.CL" => LiveSamples.RssEmpty,
                _ => LiveSamples.RssError,
            },
            "application/rss+xml"));
        await using var services = LiveServices.Create(database, server);

        var outcome = Assert.Single(await RunAsync(services, new ScheduledSource
        {
            Kind = ScheduledSourceKind.ArxivRss,
            Cron = "0 5 * * *",
            Categories = ["astro-ph", "astroph", "cs.CL"],
        }, ct));

        Assert.Equal(["/rss/astro-ph", "/rss/astroph", "/rss/cs.CL"], server.Requests.Select(r => r.Path));
        Assert.Equal(13, outcome.Counts.Records);
        Assert.StartsWith($"{server.Url("rss/astroph")}, line 4: arXiv feed error: Bad archive 'astroph'.", outcome.Error, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.Equal("The existence of designs", (await db.Papers.SingleAsync(p => p.Id == "1401.3665", ct)).Title);
    }

    [Fact]
    public async Task Daily_papers_are_fetched_with_their_upvotes()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync((context, _) =>
            LiveSamples.WriteFileAsync(context, LiveSamples.HuggingFaceDailyPapers, "application/json"));
        await using var services = LiveServices.Create(database, server);

        var outcome = Assert.Single(await RunAsync(services, new ScheduledSource { Kind = ScheduledSourceKind.HuggingFaceDailyPapers, Cron = "0 7 * * *" }, ct));

        Assert.Null(outcome.Error);
        Assert.Equal(6, outcome.Counts.Records);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("/hf/api/daily_papers", "100"), (request.Path, request["limit"]));
        await using var db = database.CreateDbContext();
        Assert.Equal(8, (await db.Papers.SingleAsync(p => p.Id == "2606.11409", ct)).Upvotes);
    }

    private static async Task<IReadOnlyList<PaperFeed.Data.Ingest.IngestOutcome>> RunAsync(
        IServiceProvider services, ScheduledSource source, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledSourceRunner>().RunAsync(source, cancellationToken);
    }
}
