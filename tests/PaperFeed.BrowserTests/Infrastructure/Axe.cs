using System.Text.Json;

namespace PaperFeed.BrowserTests.Infrastructure;

/// <summary>
/// axe-core, the accessibility engine, run inside the page. It comes from npm at test time (MPL-2.0; not vendored):
/// ./paperfeed test unpacks <c>axe-core@<see cref="Version"/></c> into <c>artifacts/npm/axe-core</c>;
/// <c>PAPERFEED_AXE</c> may name another <c>axe.min.js</c>. Evaluated through the DevTools protocol, which the
/// page's Content-Security-Policy does not govern, so the policy under test stays on.
/// </summary>
public static class Axe
{
    public const string Version = "4.14.1";

    private static readonly Lazy<string> Source = new(Load);

    public static string ScriptPath =>
        Environment.GetEnvironmentVariable("PAPERFEED_AXE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepoPaths.Root, "artifacts", "npm", "axe-core", "axe.min.js");

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const results = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                    resultTypes: ['violations'],
                });
                return results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')}`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe-core found serious or critical violations on {page.Url}:\n{string.Join("\n", found)}");
    }

    private static string Load()
    {
        var path = ScriptPath;
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException(
                $"axe-core is missing at {path}: run ./paperfeed test, or unpack it yourself: " +
                $"(mkdir -p artifacts/npm && cd artifacts/npm && npm pack axe-core@{Version} && mkdir -p axe-core && " +
                $"tar xzf axe-core-{Version}.tgz -C axe-core --strip-components=1)");
    }
}
