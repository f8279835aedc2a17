namespace PaperFeed.BrowserTests.Infrastructure;

/// <summary>
/// The system's Chromium (Debian package <c>chromium</c>, installed by ./paperfeed), never a downloaded one
/// (<c>playwright install</c> cannot reach its servers here). <c>PAPERFEED_CHROMIUM</c> names another binary.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("PAPERFEED_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"The browser tests need Chromium at {path}: run ./paperfeed test (it installs the Debian package chromium), " +
                    "apt-get install chromium, or set PAPERFEED_CHROMIUM to a Chromium binary.");
        }
    }

    /// <summary>No sandbox (tests run as root in CI containers), no GPU, and nothing that phones home.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];
}
