using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PaperFeed.Data.Embeddings;

namespace PaperFeed.BrowserTests.Infrastructure;

/// <summary>
/// Collection fixture: a test database holding the bundled samples, the arXiv snapshot sample (real abstracts with
/// LaTeX) and one hostile paper (<see cref="HostilePaper"/>), embedded under a corpus model; the real web app on a
/// real port (Kestrel); and one Chromium for all the collection's tests. Tests open pages with
/// <see cref="NewPageAsync"/>: each gets its own browser context, so its own cookies (a new visitor).
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    /// <summary>The app's clock: a day after the newest paper, so that the trending windows have papers.</summary>
    public FakeTimeProvider Clock { get; } = new();

    public PaperFeedWebFactory Factory { get; private set; } = null!;

    /// <summary>Where the app listens, such as <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await IngestAsync();
        await EmbedAsync();
        var newest = await Database.ScalarAsync<DateTime>("SELECT max(published_at) FROM papers");
        Clock.SetUtcNow(new DateTimeOffset(newest, TimeSpan.Zero).AddDays(1));

        Factory = new PaperFeedWebFactory(Database, Clock);
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Http.BaseAddress = new Uri(BaseUrl);

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Arguments,
            Headless = true,
            Timeout = 60_000,
        });
    }

    /// <summary>A page in a fresh context (no cookies): a phone or a desktop, with or without JavaScript.</summary>
    public async Task<BrowserPage> NewPageAsync(Viewport? viewport = null, bool javaScript = true)
    {
        var size = viewport ?? Viewport.Desktop;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            IsMobile = size.IsMobile,
            HasTouch = size.IsMobile,
            JavaScriptEnabled = javaScript,
            ColorScheme = size.ColorScheme,
        });
        // Generous: the machine is small and shared; tests wait for conditions, never for time.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await BrowserPage.OpenAsync(context, BaseUrl);
    }

    private async Task IngestAsync()
    {
        var hostile = Path.Combine(Path.GetTempPath(), $"paperfeed-hostile-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(hostile, HostilePaper.SnapshotLine());
        try
        {
            var files = RepoPaths.SampleFiles.Append(SnapshotSample).Append(hostile).ToList();
            var ingester = Ingestion.CreateIngester(Database);
            foreach (var file in files)
            {
                if ((await ingester.IngestFileAsync(file, format: null, CancellationToken.None)).Error is { } error)
                {
                    throw new InvalidOperationException($"{file} did not ingest: {error}");
                }
            }
        }
        finally
        {
            File.Delete(hostile);
        }
    }

    private async Task EmbedAsync()
    {
        await using var services = EmbeddingServices.Create(Database, s => s["Embeddings:Corpus:Fit:Epochs"] = "10");
        await services.GetRequiredService<EmbeddingMaintenance>().ReembedAsync(null, CancellationToken.None);
    }

    /// <summary>Real arXiv abstracts with real LaTeX ($\texttt{...}$, sub- and superscripts).</summary>
    public static string SnapshotSample =>
        Path.Combine(RepoPaths.Root, "tests", "PaperFeed.Core.Tests", "Fixtures", "arxiv-snapshot", "snapshot-2025-sample.jsonl");

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        Http.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    /// <summary>The paper whose title and abstract carry script and markup (see the XSS tests).</summary>
    public static class HostilePaper
    {
        public const string Id = "2001.01234";
        public const string Day = "2020-01-06";

        /// <summary>A word found only in this paper, to search for it.</summary>
        public const string Marker = "Zyxwvutsr";

        public const string Title = $"{Marker} <script>window.__xss = 'title'</script><img src=x onerror=\"window.__xss='img'\"> & <b>bold</b>";

        public const string Abstract =
            "</p><script>window.__xss = 'abstract'</script> An abstract with <svg onload=\"window.__xss='svg'\"></svg> " +
            $"markup, a link <a href=\"javascript:window.__xss='link'\">click</a> and math $\\texttt{{<script>window.__xss='math'</script>}}$ for {Marker}.";

        public static string SnapshotLine() => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = Id,
            ["submitter"] = null,
            ["authors"] = "Mallory <img src=x onerror=\"window.__xss='author'\"> Hacker and Eve Doe",
            ["title"] = Title,
            ["comments"] = null,
            ["journal-ref"] = null,
            ["doi"] = null,
            ["report-no"] = null,
            ["categories"] = "cs.CR",
            ["license"] = null,
            ["abstract"] = Abstract,
            ["versions"] = new[] { new Dictionary<string, string> { ["version"] = "v1", ["created"] = "Mon, 6 Jan 2020 00:00:00 GMT" } },
            ["update_date"] = Day,
        }) + "\n";
    }
}

/// <summary>All browser tests share one site and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
