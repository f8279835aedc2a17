using PaperFeed.Embeddings.Corpus;

namespace PaperFeed.Core.Tests.Embeddings;

public sealed class CorpusTokenizerTests
{
    [Fact]
    public void Splits_on_everything_but_letters_and_digits_and_lowercases()
    {
        Assert.Equal(
            ["bert", "style", "pre", "training", "improves", "glue", "by", "7", "6", "points"],
            CorpusTokenizer.Tokenize("BERT-style pre-training improves GLUE by 7.6 points!"));
    }

    [Fact]
    public void Keeps_letters_of_every_script_and_folds_their_case()
    {
        Assert.Equal(["übersetzung", "ελληνικά", "模型"], CorpusTokenizer.Tokenize("Übersetzung, ΕΛΛΗΝΙΚΆ; 模型"));
    }

    [Fact]
    public void Latex_markup_leaves_its_words()
    {
        Assert.Equal(["mathcal", "o", "n", "2", "attention"], CorpusTokenizer.Tokenize(@"$\mathcal{O}(n^2)$ attention"));
    }

    [Fact]
    public void Overlong_runs_are_not_words()
    {
        var hash = new string('a', CorpusTokenizer.MaxTokenLength + 1);
        Assert.Equal(["before", "after"], CorpusTokenizer.Tokenize($"before {hash} after"));
        Assert.Equal([new string('b', CorpusTokenizer.MaxTokenLength)], CorpusTokenizer.Tokenize(new string('B', CorpusTokenizer.MaxTokenLength)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  -- ... !!")]
    public void Text_without_letters_or_digits_has_no_tokens(string text)
    {
        Assert.Empty(CorpusTokenizer.Tokenize(text));
    }
}
