using System.Text.Json;
using PaperFeed.Core.Latex;

namespace PaperFeed.Core.Tests.Latex;

public class LatexTextTests
{
    [Theory]
    [InlineData(@"predict $\texttt{[MASK]}$ tokens", "predict [MASK] tokens")]
    [InlineData(@"a $10\times$ speed-up at $10^{-3}$ error", "a 10× speed-up at 10⁻³ error")]
    [InlineData(@"$R^2$ of $0.9\pm0.1$ and $F_1$", "R² of 0.9±0.1 and F₁")]
    [InlineData(@"at $30^\circ$ and $\alpha \rightarrow \beta$", "at 30° and α→β")]
    [InlineData(@"Schr\""odinger and Erd\H{o}s and \v{S}koda", "Schrödinger and Erdős and Škoda")]
    [InlineData(@"\emph{not} a \textbf{bold} claim \cite{smith2020}.", "not a bold claim .")]
    [InlineData(@"cost \$5 and a lone $ sign", "cost $5 and a lone $ sign")]
    [InlineData(@"pages 10--20 --- ``quoted''", "pages 10–20 — “quoted”")]
    [InlineData(@"$x_{i,j}^{(t)}$", "x_(i,j)⁽ᵗ⁾")]
    [InlineData(@"$\frac{1}{2}$ and $\frac{a+b}{n}$ and $\sqrt{x}$", "1/2 and (a+b)/n and √x")]
    [InlineData(@"range $[0, 1]$ in $\mathbb{R}^d$", "range [0, 1] in ℝᵈ")]
    [InlineData(@"the $\unicode{x2013}$ dash", "the – dash")]
    [InlineData(@"\href{https://example.com}{our code} and \url{https://x.org}", "our code and https://x.org")]
    [InlineData(@"we propose \method, which", "we propose method, which")]
    [InlineData(@"model $\mathcal{M}_{\theta}$", "model M_θ")]
    [InlineData("hard\nwrapped   text ", "hard wrapped text")]
    [InlineData(@"$\left( x \right)$ and \(y\) and \[z\]", "(x) and y and z")]
    public void Plain_text_shows_no_markup(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToPlainText(latex));

    [Fact]
    public void Runs_carry_the_style_of_their_markup()
    {
        var runs = LatexText.Parse(@"use $\texttt{[MASK]}$ with \textbf{care} at $x^{2}$");

        Assert.Contains(new LatexRun("[MASK]", LatexStyle.Math | LatexStyle.Monospace), runs);
        Assert.Contains(new LatexRun("care", LatexStyle.Bold), runs);
        Assert.Contains(new LatexRun("2", LatexStyle.Math | LatexStyle.Superscript), runs);
        Assert.Equal("use [MASK] with care at x²", LatexText.ToPlainText(runs));
    }

    [Fact]
    public void Markup_that_is_not_latex_stays_text() =>
        Assert.Equal("<script>alert(1)</script> & <b>", LatexText.ToPlainText("<script>alert(1)</script> & <b>"));

    [Fact]
    public void Deep_nesting_is_read_without_exhausting_the_stack()
    {
        var hostile = new string('{', 100_000) + "x" + new string('}', 100_000) + string.Concat(Enumerable.Repeat("$x^{", 20_000));

        var text = LatexText.ToPlainText(hostile);

        Assert.StartsWith("x", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_cuts_at_a_word_and_marks_the_cut()
    {
        var runs = LatexText.Truncate(LatexText.Parse(@"one \textbf{two three} four five"), 12);

        Assert.Equal("one two …", LatexText.ToPlainText(runs));
    }

    [Fact]
    public void No_sample_abstract_keeps_a_backslash_command_or_a_math_dollar()
    {
        // The arXiv snapshot sample holds real abstracts with real LaTeX.
        var path = Path.Combine(SampleFiles.FixturesDirectory, "arxiv-snapshot", "snapshot-2025-sample.jsonl");
        var texts = File.ReadLines(path)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .SelectMany(e => new[] { e.GetProperty("title").GetString()!, e.GetProperty("abstract").GetString()! })
            .Where(t => t.Contains('$', StringComparison.Ordinal) || t.Contains('\\', StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(texts);

        foreach (var text in texts)
        {
            var plain = LatexText.ToPlainText(text);
            Assert.DoesNotMatch(@"\\[A-Za-z]", plain);
            Assert.DoesNotMatch(@"\$[^$\s]", plain);
        }
    }
}
