using PaperFeed.Data.Embeddings;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Embeddings;

/// <summary>Switching provider as an operator does: change <c>Embeddings:Provider</c>, run <c>./paperfeed reembed</c>.</summary>
public sealed class ProviderSwitchTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Switching_from_corpus_to_openai_reembeds_every_paper_activates_the_new_model_and_retires_the_old()
    {
        var ingest = await CommandLine.RunWorkerAsync(database, ["ingest", RepoPaths.SamplesDirectory]);
        Assert.True(ingest.ExitCode == 0, ingest.StandardError);
        var settings = EmbeddingServices.SmallCorpusSettings(database);
        settings["Embeddings:RetiredGracePeriod"] = "00:00:00";
        var corpus = await ReembedAsync(settings);
        Assert.True(corpus.ExitCode == 0, corpus.StandardError);
        var corpusId = await database.ScalarAsync<int>("SELECT id FROM embedding_models WHERE state = 1");
        await using var server = await EmbeddingsEndpointServer.StartAsync((request, _) => EmbeddingsEndpointServer.Embed(request, 6));
        settings["Embeddings:Provider"] = "openai";
        settings["Embeddings:OpenAi:BaseUrl"] = server.BaseUrl.ToString();
        settings["Embeddings:OpenAi:Model"] = "tiny-embedder";
        settings["Embeddings:OpenAi:Dimensions"] = "6";

        var switched = await ReembedAsync(settings);

        Assert.True(switched.ExitCode == 0, switched.StandardError);
        Assert.Matches(@"model\s+openai/tiny-embedder/\S+ \(id \d+, 6 dimensions\) is active", switched.StandardOutput);
        Assert.Matches(@"papers\s+148 embedded", switched.StandardOutput);
        Assert.Contains("reembed: embedding", switched.StandardError, StringComparison.Ordinal);
        // Dimensions set: no probe, every paper's text sent once.
        Assert.Equal(SamplePapers.Distinct, server.Requests.Sum(r => r.Input.Length));
        var openAiId = await database.ScalarAsync<int>("SELECT id FROM embedding_models WHERE state = 1");
        Assert.Equal("openai", await database.ScalarAsync<string>($"SELECT provider FROM embedding_models WHERE id = {openAiId}"));
        Assert.Equal(SamplePapers.Distinct, await database.ScalarAsync<long>($"SELECT count(*) FROM paper_embeddings WHERE model_id = {openAiId}"));
        Assert.Equal((short)EmbeddingModelState.Retired, await database.ScalarAsync<short>($"SELECT state FROM embedding_models WHERE id = {corpusId}"));
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM paper_embeddings WHERE model_id = {corpusId}"));
    }

    private static Task<CommandLine.Result> ReembedAsync(Dictionary<string, string?> settings) =>
        CommandLine.RunAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "PaperFeed.Worker.dll"), "reembed"], EmbeddingServices.AsEnvironment(settings));
}
