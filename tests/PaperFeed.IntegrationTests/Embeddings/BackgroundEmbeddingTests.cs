using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PaperFeed.Data;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Semantic;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.Worker.Embeddings;

namespace PaperFeed.IntegrationTests.Embeddings;

/// <summary>The worker's background embedding, hosted as <c>run</c> hosts it.</summary>
public sealed class BackgroundEmbeddingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task The_worker_fits_the_first_model_once_there_are_enough_papers_and_embeds_papers_ingested_later()
    {
        var ct = TestContext.Current.CancellationToken;
        var ingester = Ingestion.CreateIngester(database);
        await ingester.IngestFileAsync(RepoPaths.SampleFiles[0], null, ct);
        await ingester.IngestFileAsync(RepoPaths.SampleFiles[1], null, ct);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(EmbeddingServices.SmallCorpusSettings(database));
        builder.Services.AddPaperFeedData(builder.Configuration);
        builder.Services.AddBackgroundEmbedding();
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var search = host.Services.GetRequiredService<SemanticSearch>();
            await WaitUntilAsync(() => search.IsReadyAsync(ct), "the first model to be fitted and activated");
            var embeddedBefore = await database.ScalarAsync<long>("SELECT count(*) FROM paper_embeddings");
            Assert.Equal(await database.ScalarAsync<long>("SELECT count(*) FROM papers"), embeddedBefore);

            await ingester.IngestFileAsync(RepoPaths.SampleFiles[2], null, ct);

            await WaitUntilAsync(
                async () => await database.ScalarAsync<long>("SELECT count(*) FROM paper_embeddings") == SamplePapers.Distinct,
                "the papers ingested after activation to be embedded");
            var newPaper = await database.ScalarAsync<string>(
                $"SELECT id FROM papers ORDER BY created_at DESC, id LIMIT 1");
            Assert.NotEmpty(await search.SimilarToPaperAsync(newPaper, 5, ct));
            Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM embedding_models"));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
