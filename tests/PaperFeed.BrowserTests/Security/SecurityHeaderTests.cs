using PaperFeed.BrowserTests.Infrastructure;
using PaperFeed.Web.Hosting;

namespace PaperFeed.BrowserTests.Security;

[Collection(BrowserTestGroup.Name)]
public sealed class SecurityHeaderTests(BrowserSite site)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/papers/2503.15457")]
    [InlineData("/search?q=diffusion")]
    [InlineData("/trending")]
    [InlineData("/for-you")]
    public async Task Pages_carry_the_content_security_policy_and_the_usual_headers(string path)
    {
        await using var browser = await site.NewPageAsync();
        var response = await browser.GotoAsync(path);

        var headers = await response.AllHeadersAsync();
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, headers["content-security-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("same-origin", headers["referrer-policy"]);
        // Every form that changes something carries its antiforgery token.
        foreach (var form in await browser.Page.Locator("form[method=post]").AllAsync())
        {
            Assert.Equal(1, await form.Locator("input[name=__RequestVerificationToken]").CountAsync());
        }

        await browser.AssertCleanAsync();
    }
}
