using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.HuggingFace;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.HuggingFace;

/// <summary>Class fixture: a test database holding the four real Hugging Face responses, ingested by the real ingester, and the web app.</summary>
public sealed class HfSampleSite : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public PaperFeedWebFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        var ingester = Ingestion.CreateIngester(Database, reader: new PaperSourceReader([new HuggingFacePapersParser()]));
        foreach (var outcome in await ingester.IngestFilesAsync(HfSamples.All, CancellationToken.None))
        {
            if (outcome.Error is { } error)
            {
                throw new InvalidOperationException($"a Hugging Face sample did not ingest: {error}");
            }
        }

        Factory = new PaperFeedWebFactory(Database);
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
