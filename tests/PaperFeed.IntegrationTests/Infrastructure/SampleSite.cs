namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>
/// Class fixture: a test database holding the bundled samples, and the web app serving it. Built once per test
/// class, since the tests only read.
/// </summary>
public sealed class SampleSite : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public PaperFeedWebFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        var ingester = Ingestion.CreateIngester(Database);
        foreach (var file in RepoPaths.SampleFiles)
        {
            var outcome = await ingester.IngestFileAsync(file, null, CancellationToken.None);
            if (outcome.Error is { } error)
            {
                throw new InvalidOperationException($"the bundled sample did not ingest: {error}");
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
