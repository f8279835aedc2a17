using System.Text.Json;
using System.Xml.Linq;
using PaperFeed.BrowserTests.Infrastructure;
using PaperFeed.Core.Latex;
using Hostile = PaperFeed.BrowserTests.Infrastructure.BrowserSite.HostilePaper;

namespace PaperFeed.BrowserTests.Security;

/// <summary>A paper ingested with script and markup in its title, authors and abstract stays text everywhere.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class XssTests(BrowserSite site)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("/papers/" + Hostile.Id)]
    [InlineData("/papers/date/" + Hostile.Day)]
    [InlineData("/search?q=" + Hostile.Marker + "&mode=lexical")]
    public async Task Pages_show_the_hostile_paper_as_inert_text(string path)
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync(path);

        await Assertions.Expect(browser.Page.Locator("main")).ToContainTextAsync("<script>window.__xss = 'title'</script>");
        Assert.Null(await browser.Page.EvaluateAsync<string?>("() => window.__xss ?? null"));
        Assert.Equal(0, await browser.Page.Locator("main script, main img[src=x], main svg, main b, main a[href^=javascript]").CountAsync());
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task The_api_returns_the_hostile_text_as_json_data()
    {
        var response = await site.Http.GetAsync($"/api/v1/papers/{Hostile.Id}", TestContext.Current.CancellationToken);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Hostile.Title, json.RootElement.GetProperty("title").GetString());
        Assert.Contains("<script>window.__xss = 'abstract'</script>", json.RootElement.GetProperty("abstract").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_atom_feed_carries_the_hostile_text_as_escaped_plain_text()
    {
        var xml = await site.Http.GetStringAsync($"/search.atom?q={Hostile.Marker}&mode=lexical", TestContext.Current.CancellationToken);

        var entry = Assert.Single(XDocument.Parse(xml).Root!.Elements(Atom + "entry"));
        var title = entry.Element(Atom + "title")!;
        Assert.Equal("text", title.Attribute("type")?.Value);
        Assert.Equal(LatexText.ToPlainText(Hostile.Title), title.Value);
        Assert.Contains("&lt;script&gt;", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
    }
}
