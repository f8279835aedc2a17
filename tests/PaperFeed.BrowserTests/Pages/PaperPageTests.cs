using System.Text.RegularExpressions;
using PaperFeed.BrowserTests.Infrastructure;

namespace PaperFeed.BrowserTests.Pages;

[Collection(BrowserTestGroup.Name)]
public sealed class PaperPageTests(BrowserSite site)
{
    // Real arXiv title: "Di$\mathtt{[M]}$O: Distilling Masked Diffusion Models into One-step Generator".
    private const string LatexPaper = "2503.15457";

    [Fact]
    public async Task Paper_page_shows_latex_as_text_never_as_markup()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync($"/papers/{LatexPaper}");

        var title = browser.Page.Locator("h1");
        await Assertions.Expect(title).ToHaveTextAsync("Di[M]O: Distilling Masked Diffusion Models into One-step Generator");
        await Assertions.Expect(title.Locator("code")).ToHaveTextAsync("[M]");
        // Everything but the BibTeX entry, which keeps the LaTeX for BibTeX to read.
        var shown = await browser.Page.Locator("main h1, .abstract-full, .similar").AllInnerTextsAsync();
        Assert.DoesNotMatch(@"\\[A-Za-z]+|\$[^$\s]", string.Join("\n", shown));
        await Assertions.Expect(browser.Page.Locator(".abstract-full")).ToBeVisibleAsync();
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Superscripts_in_titles_are_set_as_superscripts()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/papers/2503.14919");

        await Assertions.Expect(browser.Page.Locator("h1")).ToContainTextAsync("GenM3: Generative Pretrained");
        await Assertions.Expect(browser.Page.Locator("h1 sup")).ToHaveTextAsync("3");
    }

    [Fact]
    public async Task Paper_page_links_to_arxiv_offers_bibtex_and_ten_similar_papers_that_open()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync($"/papers/{LatexPaper}");

        var actions = browser.Page.Locator(".paper-actions");
        await Assertions.Expect(actions.GetByRole(AriaRole.Link, new() { Name = "arXiv abstract" }))
            .ToHaveAttributeAsync("href", $"https://arxiv.org/abs/{LatexPaper}");
        await Assertions.Expect(actions.GetByRole(AriaRole.Link, new() { Name = "PDF" }))
            .ToHaveAttributeAsync("href", $"https://arxiv.org/pdf/{LatexPaper}");
        var bibtex = await browser.Page.Locator("#bibtex").InnerTextAsync();
        Assert.StartsWith("@misc{", bibtex, StringComparison.Ordinal);
        Assert.Contains($"eprint = {{{LatexPaper}}}", bibtex, StringComparison.Ordinal);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Copy BibTeX" })).ToBeVisibleAsync();

        var similar = browser.Page.Locator(".similar .paper-card");
        await Assertions.Expect(similar).ToHaveCountAsync(10);
        var first = similar.First.Locator(".paper-title a");
        var href = await first.GetAttributeAsync("href");
        Assert.NotEqual($"/papers/{LatexPaper}", href);
        await first.ClickAsync();
        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex(Regex.Escape(href!) + "$"));
        await Assertions.Expect(browser.Page.Locator(".similar .paper-card").First).ToBeVisibleAsync();
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Feed_card_opens_its_paper_page()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/");
        var link = browser.Page.Locator(".paper-card .paper-title a").First;
        var title = await link.InnerTextAsync();

        await link.ClickAsync();

        await Assertions.Expect(browser.Page.Locator("h1")).ToHaveTextAsync(title);
    }

    [Fact]
    public async Task Unknown_paper_is_a_404_page_that_says_so()
    {
        await using var browser = await site.NewPageAsync();
        await browser.GotoAsync("/papers/9912.99999", expectedStatus: 404);

        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No paper has the id '9912.99999'");
    }

    [Fact]
    public async Task Paper_page_is_accessible_and_photographed_on_a_phone_and_a_desktop()
    {
        foreach (var viewport in Viewport.Both)
        {
            await using var browser = await site.NewPageAsync(viewport);
            await browser.GotoAsync($"/papers/{LatexPaper}");
            await browser.ScreenshotAsync($"paper-{viewport.Name}", fullPage: false);
            await browser.AssertAccessibleAsync();
            await browser.AssertCleanAsync();
        }
    }
}
