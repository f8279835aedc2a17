using Microsoft.Extensions.Time.Testing;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>
/// Class fixture: an empty test database, a clock the tests move, and the web app over both. Tests insert the
/// papers they need (<see cref="TestPapers"/>); tests of one class run one after another, so each keeps to its own
/// dates or clears the table first. Derive to change the app's settings.
/// </summary>
public class WebSite : IAsyncLifetime
{
    /// <summary>"Now" for the app unless a test moves the clock.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public TestDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Now);

    public PaperFeedWebFactory Factory { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        Factory = new PaperFeedWebFactory(Database, Clock, Settings);
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
