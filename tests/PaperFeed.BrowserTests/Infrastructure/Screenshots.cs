namespace PaperFeed.BrowserTests.Infrastructure;

/// <summary>
/// Where screenshots go: <c>PAPERFEED_SCREENSHOTS</c> when set (./paperfeed test sets it inside its test results
/// folder), else <c>TestResults/screenshots</c> next to the test binaries.
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Create();

    private static string Create()
    {
        var directory = Environment.GetEnvironmentVariable("PAPERFEED_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
