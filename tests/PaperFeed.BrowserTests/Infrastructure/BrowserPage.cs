using System.Collections.Concurrent;

namespace PaperFeed.BrowserTests.Infrastructure;

/// <summary>
/// One Chromium page in its own context, watched: console errors, uncaught exceptions, dialogs (an <c>alert</c> from
/// injected script) and any request that leaves the app (every asset must be served by the app, no CDN) are recorded,
/// and <see cref="AssertCleanAsync"/> fails the test on any of them.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly string _baseUrl;

    private BrowserPage(IBrowserContext context, IPage page, string baseUrl)
    {
        Context = context;
        Page = page;
        _baseUrl = baseUrl;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<BrowserPage> OpenAsync(IBrowserContext context, string baseUrl)
    {
        var page = await context.NewPageAsync();
        var watched = new BrowserPage(context, page, baseUrl);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watched._problems.Enqueue($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => watched._problems.Enqueue($"uncaught script error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            watched._problems.Enqueue($"dialog ({dialog.Type}): {dialog.Message}");
            await dialog.DismissAsync();
        };
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(baseUrl + "/", StringComparison.Ordinal) || route.Request.Url == baseUrl)
            {
                await route.ContinueAsync();
            }
            else
            {
                watched._problems.Enqueue($"request outside the app: {route.Request.Url}");
                await route.AbortAsync();
            }
        });
        return watched;
    }

    /// <summary>Opens a path of the app and checks the HTTP status of the answer.</summary>
    public async Task<IResponse> GotoAsync(string path, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        Assert.True(response.Status == expectedStatus, $"GET {path} answered {response.Status}, expected {expectedStatus}.");
        return response;
    }

    /// <summary>The path and query of the current page (without the site's address).</summary>
    public string CurrentPath => Page.Url.StartsWith(_baseUrl, StringComparison.Ordinal) ? Page.Url[_baseUrl.Length..] : Page.Url;

    /// <summary>Saves a full-page screenshot as a test artifact (<see cref="Screenshots.Directory"/>).</summary>
    public async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Path.Combine(Screenshots.Directory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 1000, $"Screenshot {path} is empty.");
    }

    /// <summary>Runs axe-core on the page: no serious or critical violation of WCAG 2.x A/AA or best practice.</summary>
    public Task AssertAccessibleAsync() => Axe.AssertNoSeriousViolationsAsync(Page);

    /// <summary>No console error, script error, dialog or request outside the app since the page opened.</summary>
    public Task AssertCleanAsync()
    {
        Assert.True(_problems.IsEmpty, "The page misbehaved:\n" + string.Join("\n", _problems));
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
