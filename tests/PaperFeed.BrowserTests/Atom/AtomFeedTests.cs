using System.Diagnostics;
using System.Text.Json;
using PaperFeed.BrowserTests.Infrastructure;

namespace PaperFeed.BrowserTests.Atom;

/// <summary>The Atom feeds as a real feed reader reads them: Python's feedparser (Debian python3-feedparser).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AtomFeedTests(BrowserSite site)
{
    private const string Parse = """
        import feedparser, json, sys
        d = feedparser.parse(sys.argv[1])
        print(json.dumps({
            "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
            "title": d.feed.get("title", ""), "self": next((l.href for l in d.feed.get("links", []) if l.rel == "self"), ""),
            "entries": [{"id": e.get("id", ""), "title": e.get("title", ""), "link": e.get("link", ""),
                         "summary": e.get("summary", ""), "authors": [a.get("name", "") for a in e.get("authors", [])],
                         "tags": [t.term for t in e.get("tags", [])], "updated": e.get("updated", "")} for e in d.entries],
        }))
        """;

    [Theory]
    [InlineData("/feed.atom", "PaperFeed: papers of")]
    [InlineData("/trending.atom?window=month", "PaperFeed: trending this month")]
    [InlineData("/search.atom?q=diffusion+models&category=cs.CV", "PaperFeed search: diffusion models")]
    public async Task Feeds_parse_cleanly_in_feedparser(string path, string title)
    {
        var feed = await ParseAsync(site.BaseUrl + path);

        Assert.False(feed.GetProperty("bozo").GetBoolean(), feed.GetProperty("error").GetString());
        Assert.Equal("atom10", feed.GetProperty("version").GetString());
        Assert.StartsWith(title, feed.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(site.BaseUrl + path, feed.GetProperty("self").GetString());
        var entries = feed.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            Assert.StartsWith(site.BaseUrl + "/papers/", entry.GetProperty("link").GetString(), StringComparison.Ordinal);
            Assert.Equal(entry.GetProperty("link").GetString(), entry.GetProperty("id").GetString());
            Assert.NotEmpty(entry.GetProperty("title").GetString()!);
            Assert.NotEmpty(entry.GetProperty("updated").GetString()!);
        }
    }

    [Fact]
    public async Task Feed_entries_show_latex_as_text()
    {
        var feed = await ParseAsync(site.BaseUrl + "/search.atom?q=Distilling+Masked+Diffusion&mode=lexical");

        var entry = feed.GetProperty("entries").EnumerateArray().First(e => e.GetProperty("id").GetString()!.EndsWith("/papers/2503.15457", StringComparison.Ordinal));
        Assert.Equal("Di[M]O: Distilling Masked Diffusion Models into One-step Generator", entry.GetProperty("title").GetString());
        Assert.Contains("cs.CV", entry.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Pages_advertise_their_feeds()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/search?q=diffusion");

        var feeds = await browser.Page.Locator("link[rel=alternate][type='application/atom+xml']").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        Assert.Contains("/feed.atom", feeds);
        Assert.Contains("/trending.atom", feeds);
        Assert.Contains("/search.atom?q=diffusion&mode=hybrid", feeds);
    }

    [Fact]
    public async Task A_search_feed_without_a_query_is_a_problem_details_answer()
    {
        var response = await site.Http.GetAsync("/search.atom", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonElement> ParseAsync(string url)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Parse);
        start.ArgumentList.Add(url);
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"feedparser failed (is python3-feedparser installed?): {await errors}");
        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}
