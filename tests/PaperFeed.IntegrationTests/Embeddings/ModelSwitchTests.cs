using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Data.Embeddings;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Semantic;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Embeddings;

/// <summary>Replacing the active model: the old one serves until the new one is complete, and no query mixes the two.</summary>
public sealed class ModelSwitchTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Query = "speech synthesis from text with a lightweight generative model";

    [Fact]
    public async Task A_new_model_is_built_in_the_background_while_the_old_one_serves_and_queries_never_mix_models()
    {
        var ct = TestContext.Current.CancellationToken;
        var ingester = Ingestion.CreateIngester(database);
        foreach (var file in RepoPaths.SampleFiles)
        {
            await ingester.IngestFileAsync(file, null, ct);
        }

        // A second fit with other vectors (another dimension count), so that the two models' answers differ.
        await using var first = EmbeddingServices.Create(database);
        await using var second = EmbeddingServices.Create(database, s => s["Embeddings:Corpus:Fit:Dimensions"] = "24");
        var search = first.GetRequiredService<SemanticSearch>();
        var old = (await first.GetRequiredService<EmbeddingMaintenance>().ReembedAsync(null, ct)).Model;
        var before = await search.SearchAsync(Query, SearchFilter.None, 10, ct);

        // Building: registered and fully embedded, not yet active.
        var provider = second.GetRequiredService<EmbeddingProviders>().Configured;
        var lifecycle = second.GetRequiredService<EmbeddingModelLifecycle>();
        var building = await lifecycle.RegisterAsync(provider.Name, await provider.CreateModelAsync(null, ct), ct);
        var generator = await second.GetRequiredService<EmbeddingGenerators>().GetAsync(building, ct);
        await second.GetRequiredService<PaperEmbedder>().EmbedAsync(building, generator, null, null, ct);
        await lifecycle.BuildIndexAsync(building, ct);

        Assert.Equal(before, await search.SearchAsync(Query, SearchFilter.None, 10, ct));
        Assert.Equal(2 * await VectorCountAsync(old.Id), await database.ScalarAsync<long>("SELECT count(*) FROM paper_embeddings"));

        // Switch while queries run: each answer is entirely the old model's or entirely the new one's.
        var answers = new ConcurrentBag<IReadOnlyList<SearchHit>>();
        using var switched = new CancellationTokenSource();
        var queries = Task.Run(async () =>
        {
            while (!switched.IsCancellationRequested)
            {
                answers.Add(await search.SearchAsync(Query, SearchFilter.None, 10, ct));
            }
        }, ct);
        while (answers.IsEmpty)
        {
            await Task.Delay(20, ct);
        }

        await lifecycle.ActivateAsync(building, ct);
        await Task.Delay(300, ct);
        await lifecycle.RemoveRetiredAsync(waitGracePeriod: true, keep: null, ct);
        await Task.Delay(300, ct);
        await switched.CancelAsync();
        await queries;
        var after = await search.SearchAsync(Query, SearchFilter.None, 10, ct);

        Assert.NotEqual(before, after);
        Assert.All(answers, answer => Assert.True(answer.SequenceEqual(before) || answer.SequenceEqual(after), "an answer mixed the two models"));
        Assert.Contains(answers, answer => answer.SequenceEqual(before));
        Assert.Contains(answers, answer => answer.SequenceEqual(after));
        // The retired model's vectors and index are gone; its row stays, as history.
        Assert.Equal(0, await VectorCountAsync(old.Id));
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_indexes WHERE indexname = '{EmbeddingModelLifecycle.IndexName(old.Id)}'"));
        Assert.Equal((short)EmbeddingModelState.Retired, await database.ScalarAsync<short>($"SELECT state FROM embedding_models WHERE id = {old.Id}"));
    }

    private Task<long> VectorCountAsync(int modelId) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM paper_embeddings WHERE model_id = {modelId}");
}
