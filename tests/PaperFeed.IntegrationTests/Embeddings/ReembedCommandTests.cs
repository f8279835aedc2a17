using PaperFeed.Data.Embeddings;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Embeddings;

/// <summary>The worker's <c>reembed</c> verb, as ./paperfeed reembed runs it.</summary>
public sealed class ReembedCommandTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Reembed_fits_a_model_embeds_every_paper_and_a_second_run_replaces_it()
    {
        var ingest = await CommandLine.RunWorkerAsync(database, ["ingest", RepoPaths.SamplesDirectory]);
        Assert.True(ingest.ExitCode == 0, ingest.StandardError);

        var first = await ReembedAsync();

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Matches(@"model\s+corpus/sif-w2v-32d/\S+ \(id \d+, 32 dimensions\) is active", first.StandardOutput);
        Assert.Matches(@"papers\s+148 embedded", first.StandardOutput);
        // Not a terminal: plain progress lines on stderr.
        Assert.Contains("reembed: embedding", first.StandardError, StringComparison.Ordinal);
        var firstId = await database.ScalarAsync<int>("SELECT id FROM embedding_models WHERE state = 1");
        Assert.Equal(SamplePapers.Distinct, await database.ScalarAsync<long>($"SELECT count(*) FROM paper_embeddings WHERE model_id = {firstId}"));
        Assert.NotNull(await database.ScalarAsync<byte[]>($"SELECT artifact FROM embedding_models WHERE id = {firstId}"));

        var second = await ReembedAsync();

        Assert.True(second.ExitCode == 0, second.StandardError);
        var secondId = await database.ScalarAsync<int>("SELECT id FROM embedding_models WHERE state = 1");
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(SamplePapers.Distinct, await database.ScalarAsync<long>("SELECT count(*) FROM paper_embeddings"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'ix_paper_embeddings_model_%'"));
        Assert.Equal(EmbeddingModelLifecycle.IndexName(secondId),
            await database.ScalarAsync<string>("SELECT indexname::text FROM pg_indexes WHERE indexname LIKE 'ix_paper_embeddings_model_%'"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM embedding_models WHERE state = 2 AND artifact IS NULL"));
    }

    private Task<CommandLine.Result> ReembedAsync()
    {
        var environment = EmbeddingServices.AsEnvironment(EmbeddingServices.SmallCorpusSettings(database));
        environment["Embeddings__RetiredGracePeriod"] = "00:00:00";
        return CommandLine.RunAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "PaperFeed.Worker.dll"), "reembed"], environment);
    }
}
