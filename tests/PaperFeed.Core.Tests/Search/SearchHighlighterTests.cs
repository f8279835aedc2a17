using PaperFeed.Core.Search;

namespace PaperFeed.Core.Tests.Search;

public sealed class SearchHighlighterTests
{
    [Fact]
    public void Words_whose_stem_the_query_has_are_marked()
    {
        var segments = SearchHighlighter.Highlight("Graph Networks for Learning Molecules", "network learns");

        Assert.Equal(
            [new("Graph ", false), new("Networks", true), new(" for ", false), new("Learning", true), new(" Molecules", false)],
            segments);
    }

    [Fact]
    public void Segments_concatenate_to_the_original_text()
    {
        const string text = "The model’s LLMs aren't running; $\\alpha$-divergence bounds. Models!";

        var segments = SearchHighlighter.Highlight(text, "models alpha run llm");

        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(["model’s", "LLMs", "running", "alpha", "Models"], segments.Where(s => s.Match).Select(s => s.Text));
    }

    [Fact]
    public void Stopwords_in_the_query_mark_nothing()
    {
        Assert.DoesNotContain(SearchHighlighter.Highlight("The state of the art", "the of"), s => s.Match);
    }

    [Fact]
    public void A_snippet_surrounds_the_densest_matches_with_ellipses()
    {
        var filler = string.Join(' ', Enumerable.Repeat("lorem ipsum dolor sit amet", 30));
        var text = $"{filler} Here graph neural networks learn molecules. {filler} A lone graph here. {filler}";

        var snippet = SearchHighlighter.For("graph neural molecules").Snippet(text, 120);
        var joined = string.Concat(snippet.Select(s => s.Text));

        Assert.StartsWith("…", joined, StringComparison.Ordinal);
        Assert.EndsWith("…", joined, StringComparison.Ordinal);
        Assert.InRange(joined.Length, 60, 122);
        Assert.Contains("graph neural networks learn molecules", joined, StringComparison.Ordinal);
        Assert.Equal(["graph", "neural", "molecules"], snippet.Where(s => s.Match).Select(s => s.Text));
    }

    [Fact]
    public void A_snippet_starts_and_ends_on_word_boundaries()
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}")) + " target " + string.Join(' ', Enumerable.Range(0, 200).Select(i => $"tail{i}"));

        var joined = string.Concat(SearchHighlighter.Snippet(text, "target", 100).Select(s => s.Text));
        var inner = joined.Trim('…');

        Assert.Contains(inner.Split(' ')[0], text.Split(' '));
        Assert.Contains(inner.Split(' ')[^1], text.Split(' '));
    }

    [Fact]
    public void Without_matches_a_snippet_is_the_beginning()
    {
        var text = string.Join(' ', Enumerable.Repeat("alpha beta gamma", 50));

        var snippet = SearchHighlighter.Snippet(text, "unrelated", 50);

        Assert.Single(snippet);
        Assert.StartsWith("alpha beta gamma", snippet[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet[0].Text, StringComparison.Ordinal);
        Assert.True(snippet[0].Text.Length <= 51);
    }

    [Fact]
    public void A_short_text_is_its_own_snippet()
    {
        var snippet = SearchHighlighter.Snippet("Short graph abstract.", "graph", 280);

        Assert.Equal([new("Short ", false), new("graph", true), new(" abstract.", false)], snippet);
    }
}
