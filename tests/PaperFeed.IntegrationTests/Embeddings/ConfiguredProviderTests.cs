using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Data.Embeddings;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Semantic;
using PaperFeed.Embeddings;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Embeddings;

/// <summary>
/// The <c>openai</c> and <c>onnx</c> providers chosen by <c>Embeddings:Provider</c>, wired as the app wires them: a
/// reembed of the bundled sample, then semantic search on the new model.
/// </summary>
public sealed class ConfiguredProviderTests(TestDatabase database, TinySentenceModel onnx)
    : IClassFixture<TestDatabase>, IClassFixture<TinySentenceModel>
{
    [Fact]
    public async Task Openai_reembeds_every_paper_under_the_servers_model_and_search_answers_from_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await IngestSampleAsync(ct);
        await using var server = await EmbeddingsEndpointServer.StartAsync((request, _) => EmbeddingsEndpointServer.Embed(request));
        await using var services = EmbeddingServices.Create(database, s =>
        {
            s["Embeddings:Provider"] = "openai";
            s["Embeddings:OpenAi:BaseUrl"] = server.BaseUrl.ToString();
            s["Embeddings:OpenAi:Model"] = "tiny-embedder";
        });

        var model = (await services.GetRequiredService<EmbeddingMaintenance>().ReembedAsync(null, ct)).Model;

        Assert.StartsWith("openai/tiny-embedder/", model.Name, StringComparison.Ordinal);
        // Dimensions is unset: one request embedding a short text told it.
        Assert.Equal(4, model.Dimensions);
        Assert.Single(server.Requests.First().Input);
        await AssertEveryPaperHasAVectorOfAsync(services, model);
        var (paper, title) = (await database.QueryAsync("SELECT id, title FROM papers WHERE abstract <> '' ORDER BY id LIMIT 1")).Single();
        var text = PaperText.Of(title, await database.ScalarAsync<string>($"SELECT abstract FROM papers WHERE id = '{paper}'"));

        var hits = await services.GetRequiredService<SemanticSearch>().SearchAsync(text, SearchFilter.None, 5, ct);

        Assert.Equal(text, server.Requests.Last().Input.Single());
        Assert.Equal(paper, hits[0].PaperId);
    }

    [Fact]
    public async Task Onnx_reembeds_every_paper_under_the_local_model_and_search_answers_from_it()
    {
        Assert.SkipWhen(onnx.SkipReason is not null, onnx.SkipReason ?? "");
        var ct = TestContext.Current.CancellationToken;
        await IngestSampleAsync(ct);
        await using var services = EmbeddingServices.Create(database, s =>
        {
            s["Embeddings:Provider"] = "onnx";
            s["Embeddings:Onnx:ModelPath"] = onnx.ModelFolder;
        });

        var model = (await services.GetRequiredService<EmbeddingMaintenance>().ReembedAsync(null, ct)).Model;

        // No ModelId: the folder's name; the dimensions are the graph's.
        Assert.StartsWith("onnx/model/", model.Name, StringComparison.Ordinal);
        Assert.Equal(8, model.Dimensions);
        await AssertEveryPaperHasAVectorOfAsync(services, model);
        Assert.NotEmpty(await services.GetRequiredService<SemanticSearch>().SearchAsync("neural network graph paper", SearchFilter.None, 5, ct));
    }

    private async Task IngestSampleAsync(CancellationToken ct)
    {
        var ingester = Ingestion.CreateIngester(database);
        foreach (var file in RepoPaths.SampleFiles)
        {
            await ingester.IngestFileAsync(file, null, ct);
        }
    }

    private async Task AssertEveryPaperHasAVectorOfAsync(IServiceProvider services, EmbeddingModel model)
    {
        Assert.Equal(SamplePapers.Distinct, await database.ScalarAsync<long>($"SELECT count(*) FROM paper_embeddings WHERE model_id = {model.Id}"));
        Assert.Equal($"{model.Dimensions}", await database.ScalarAsync<string>(
            $"SELECT string_agg(DISTINCT vector_dims(embedding)::text, ',') FROM paper_embeddings WHERE model_id = {model.Id}"));
        var active = await services.GetRequiredService<ActiveEmbeddingModel>().GetAsync(TestContext.Current.CancellationToken);
        Assert.Equal(model.Id, active?.Model.Id);
    }
}
