using PaperFeed.Core.Search;

namespace PaperFeed.Core.Tests.Search;

public sealed class SearchTextAnalyzerTests
{
    [Fact]
    public void Words_are_stemmed_the_Snowball_English_way()
    {
        Assert.Equal(["run", "run", "network", "network", "learn", "diverg"], SearchTextAnalyzer.Stems("running runs network Networks learning divergence"));
    }

    [Fact]
    public void English_stopwords_are_dropped()
    {
        Assert.Equal(["model", "work"], SearchTextAnalyzer.Stems("Which of the models does not work for them?"));
    }

    [Fact]
    public void Possessives_are_dropped_with_straight_or_typographic_apostrophes()
    {
        Assert.Equal(["model", "output", "model", "output"], SearchTextAnalyzer.Stems("the model's outputs, the model’s outputs"));
    }

    [Fact]
    public void Contractions_with_typographic_apostrophes_are_stopwords_too()
    {
        Assert.Equal(["work"], SearchTextAnalyzer.Stems("it doesn’t work"));
    }

    [Fact]
    public void Plural_acronyms_meet_their_singular()
    {
        Assert.Equal(["llm", "llm", "gan", "cnn", "llm"], SearchTextAnalyzer.Stems("LLMs LLM GANs CNNs LLMs'"));
    }

    [Fact]
    public void Lower_case_words_ending_in_s_are_left_to_the_stemmer()
    {
        Assert.Equal(["bus", "gas", "ab"], SearchTextAnalyzer.Stems("bus gas Abs"));
    }

    [Fact]
    public void Offsets_point_at_the_original_words()
    {
        const string text = "The model’s LLMs aren't Running fast.";

        var tokens = SearchTextAnalyzer.Analyze(text);

        Assert.Equal(
            [("model", "model’s"), ("llm", "LLMs"), ("run", "Running"), ("fast", "fast")],
            tokens.Select(t => (t.Stem, text[t.Start..t.End])));
    }

    [Fact]
    public void LaTeX_markup_yields_its_words()
    {
        const string text = "We bound $\\alpha$-divergence in \\textbf{linear} time, $O(n^2)$.";

        var tokens = SearchTextAnalyzer.Analyze(text);

        Assert.Contains(tokens, t => t.Stem == "alpha" && text[t.Start..t.End] == "alpha");
        Assert.Contains(tokens, t => t.Stem == "diverg");
        Assert.Contains(tokens, t => t.Stem == "linear");
        Assert.DoesNotContain(tokens, t => t.Stem.Contains('$', StringComparison.Ordinal) || t.Stem.Contains('\\', StringComparison.Ordinal));
    }

    [Fact]
    public void Diacritics_are_folded_so_either_spelling_matches()
    {
        Assert.Equal(SearchTextAnalyzer.Stems("Nystrom naive cafe Schrodinger"), SearchTextAnalyzer.Stems("Nyström naïve café Schrödinger"));
    }

    [Fact]
    public void Unicode_text_keeps_offsets_for_CJK_and_skips_emoji()
    {
        const string text = "日本語 😀 text";

        var tokens = SearchTextAnalyzer.Analyze(text);

        Assert.Equal([("日", "日"), ("本", "本"), ("語", "語"), ("text", "text")], tokens.Select(t => (t.Stem, text[t.Start..t.End])));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("the of and ... !!")]
    public void Text_without_content_words_yields_nothing(string? text)
    {
        Assert.Empty(SearchTextAnalyzer.Analyze(text));
    }

    [Fact]
    public void Analysis_is_the_same_on_every_thread()
    {
        const string text = "Parallel analysis of transformers' attention heads in LLMs";
        var expected = SearchTextAnalyzer.Stems(text);

        var results = new List<string>[64];
        Parallel.For(0, results.Length, i => results[i] = SearchTextAnalyzer.Stems(text));

        Assert.All(results, stems => Assert.Equal(expected, stems));
    }
}
