using PaperFeed.Core.Ingest;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>
/// Class fixture: a test database holding some files, ingested by the real ingester, and the web app serving it.
/// Built once per test class; a subclass names the files (and, if it must, the parsers).
/// </summary>
public abstract class IngestedSite : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public PaperFeedWebFactory Factory { get; private set; } = null!;

    protected abstract IReadOnlyList<string> Files { get; }

    /// <summary>The parsers to ingest with; all built-in ones by default.</summary>
    protected virtual PaperSourceReader? Reader => null;

    /// <summary>Runs after the files are ingested and before the web app starts (e.g. to fit an embedding model).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        var ingester = Ingestion.CreateIngester(Database, reader: Reader);
        foreach (var outcome in await ingester.IngestFilesAsync(Files, CancellationToken.None))
        {
            if (outcome.Error is { } error)
            {
                throw new InvalidOperationException($"{GetType().Name}: a file did not ingest: {error}");
            }
        }

        await PrepareAsync();
        Factory = new PaperFeedWebFactory(Database);
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
