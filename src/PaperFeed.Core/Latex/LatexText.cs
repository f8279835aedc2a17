using System.Text;

namespace PaperFeed.Core.Latex;

/// <summary>
/// Abstracts and titles as readers should see them: the LaTeX that arXiv authors write (<c>$\texttt{[MASK]}$</c>,
/// <c>$10^{-3}$</c>, <c>\emph{not}</c>, <c>Schr\"odinger</c>) turned into runs of plain Unicode text with their
/// style (bold, italic, monospace, superscript, subscript, math), so that no markup is ever shown and nothing needs
/// a script to render. Unknown macros show their name; braces, sizes and citations disappear.
/// </summary>
public static class LatexText
{
    /// <summary>The text as styled runs; adjacent runs differ in style, and whitespace is collapsed to single spaces.</summary>
    public static IReadOnlyList<LatexRun> Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new LatexReader(source).ReadAll();
    }

    /// <summary>
    /// One line of plain text, for feeds and titles: superscripts and subscripts in Unicode's small digits and
    /// letters where those exist (<c>10⁻³</c>), else written <c>^(…)</c> and <c>_(…)</c>.
    /// </summary>
    public static string ToPlainText(string source) => ToPlainText(Parse(source));

    public static string ToPlainText(IEnumerable<LatexRun> runs)
    {
        var text = new StringBuilder();
        foreach (var run in runs)
        {
            text.Append(run.Style switch
            {
                var s when s.HasFlag(LatexStyle.Superscript) => LatexSymbols.ToSuperscript(run.Text) ?? Marked('^', run.Text),
                var s when s.HasFlag(LatexStyle.Subscript) => LatexSymbols.ToSubscript(run.Text) ?? Marked('_', run.Text),
                _ => run.Text,
            });
        }

        return text.ToString();
    }

    /// <summary>The first runs of a text, cut at a word boundary near <paramref name="maxChars"/> characters, with "…" when cut.</summary>
    public static IReadOnlyList<LatexRun> Truncate(IReadOnlyList<LatexRun> runs, int maxChars)
    {
        var kept = new List<LatexRun>();
        var budget = maxChars;
        foreach (var run in runs)
        {
            if (run.Text.Length <= budget)
            {
                kept.Add(run);
                budget -= run.Text.Length;
                continue;
            }

            var cut = run.Text.LastIndexOf(' ', Math.Max(0, budget - 1));
            var head = cut > 0 ? run.Text[..cut] : (kept.Count == 0 ? run.Text[..budget] : "");
            if (head.Length > 0)
            {
                kept.Add(run with { Text = head });
            }

            kept.Add(new LatexRun(" …", LatexStyle.None));
            break;
        }

        return kept;
    }

    private static string Marked(char mark, string text) => text.Length == 1 ? $"{mark}{text}" : $"{mark}({text})";
}
