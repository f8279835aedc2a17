using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Data.Embeddings;
using PaperFeed.Data.Search.Semantic;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>The bundled sample ingested and embedded under a corpus model fitted on it, once for the test class.</summary>
public sealed class SemanticSearchFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public ServiceProvider Services { get; private set; } = null!;

    public SemanticSearch Search => Services.GetRequiredService<SemanticSearch>();

    public EmbeddingModel Model { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        var ingester = Ingestion.CreateIngester(Database);
        foreach (var file in RepoPaths.SampleFiles)
        {
            await ingester.IngestFileAsync(file, null, CancellationToken.None);
        }

        // Word vectors from 148 abstracts need more passes than the lifecycle tests give them to place paraphrases.
        Services = EmbeddingServices.Create(Database, s => s["Embeddings:Corpus:Fit:Epochs"] = "15");
        Model = (await Services.GetRequiredService<EmbeddingMaintenance>().ReembedAsync(null, CancellationToken.None)).Model;
    }

    public async ValueTask DisposeAsync()
    {
        if (Services is not null)
        {
            await Services.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
