using PaperFeed.Core.Ingest.AbstractLines;

namespace PaperFeed.Core.Tests.Ingest.AbstractLines;

public class DerivedTitleTests
{
    [Theory]
    [InlineData("We propose X, e.g. for Transformers and CNNs. It works.", "We propose X, e.g. for Transformers and CNNs")]
    [InlineData("Large models (e.g. GPT-4) are strong. We study them.", "Large models (e.g. GPT-4) are strong")]
    [InlineData("We use pretrained encoders, e.g. BERT, for retrieval. Results follow.", "We use pretrained encoders, e.g. BERT, for retrieval")]
    [InlineData("Two tasks, i.e. Parsing and tagging, are studied here. More follows.", "Two tasks, i.e. Parsing and tagging, are studied here")]
    [InlineData("As shown by Zhou et al. LIMA needs little data to align. We test this.", "As shown by Zhou et al. LIMA needs little data to align")]
    [InlineData("Scores rise from 3.5 to 4.25 on average. Gains are large.", "Scores rise from 3.5 to 4.25 on average")]
    [InlineData("We bound $\\|x\\|. Y$ in terms of $\\epsilon. Z$ for all inputs. Next.", "We bound $\\|x\\|. Y$ in terms of $\\epsilon. Z$ for all inputs")]
    [InlineData("Let $$A. B$$ hold for every matrix here. Then more.", "Let $$A. B$$ hold for every matrix here")]
    [InlineData("We solve \\(x. Y\\) and \\[a. B\\] in closed form. Then more.", "We solve \\(x. Y\\) and \\[a. B\\] in closed form")]
    [InlineData("Costs fall from \\$5. Millions are saved each year. Then more.", "Costs fall from \\$5")]
    [InlineData("A budget of $5 million was spent on compute. We report it.", "A budget of $5 million was spent on compute")]
    [InlineData("See Fig. 3 and Eq. 2 for the full derivation. More.", "See Fig. 3 and Eq. 2 for the full derivation")]
    [InlineData("Regulation No. 402 allows a simpler approval. More.", "Regulation No. 402 allows a simpler approval")]
    [InlineData("Work by J. Smith and U.S. agencies is reviewed here. More.", "Work by J. Smith and U.S. agencies is reviewed here")]
    [InlineData("Models improve vs. Baselines in every setting we tried. More.", "Models improve vs. Baselines in every setting we tried")]
    [InlineData("Our method ranks 1st. The others trail far behind it.", "Our method ranks 1st")]
    [InlineData("Can language models plan ahead? We find they can.", "Can language models plan ahead?")]
    [InlineData("We call it \"the tokenizer tax.\" It costs a lot.", "We call it \"the tokenizer tax.\"")]
    [InlineData("Results hold for every model we tested (see appendix.) Then more.", "Results hold for every model we tested (see appendix.)")]
    [InlineData("A single sentence with no final full stop", "A single sentence with no final full stop")]
    [InlineData("Ends with an ellipsis... Then more text follows here.", "Ends with an ellipsis...")]
    public void Title_is_the_first_sentence_without_its_full_stop(string abstractText, string title) =>
        Assert.Equal(title, DerivedTitle.From(abstractText));

    [Theory]
    [InlineData("Objective: To measure how often models hallucinate citations. Methods: We sample.", "To measure how often models hallucinate citations")]
    [InlineData("Background. Clinical notes hold rich signals for triage. We mine them.", "Clinical notes hold rich signals for triage")]
    [InlineData("Objective. We did X. Patients with Y improved markedly over time.", "We did X. Patients with Y improved markedly over time")]
    [InlineData("We did X. Patients with Y improved markedly over time.", "We did X. Patients with Y improved markedly over time")]
    public void Labels_and_sentences_too_short_to_name_a_paper_are_passed_over(string abstractText, string title) =>
        Assert.Equal(title, DerivedTitle.From(abstractText));

    [Fact]
    public void Long_first_sentence_is_cut_at_a_word_boundary_with_an_ellipsis()
    {
        var words = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));

        var title = DerivedTitle.From(words + ". Second sentence.");

        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.InRange(title.Length, 150, 200);
        Assert.StartsWith(title[..^1] + " ", words, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_falls_outside_math_when_it_can()
    {
        var text = string.Concat(Enumerable.Repeat("plain words here ", 9)) + "$a + b + c + d + e + f + g + h + i + j + k + l + m$ and more words to finish.";

        var title = DerivedTitle.From(text);

        Assert.Equal(0, title.Count(c => c == '$') % 2);
        Assert.EndsWith("here…", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_drops_dangling_punctuation_before_the_ellipsis()
    {
        var text = new string('a', 150) + " bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, " + new string('c', 60);

        Assert.Equal(new string('a', 150) + " bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…", DerivedTitle.From(text));
    }

    [Fact]
    public void Word_longer_than_a_title_is_cut_without_splitting_a_surrogate_pair()
    {
        var text = new string('x', 198) + "𝔸𝔸𝔸 tail.";

        var title = DerivedTitle.From(text);

        Assert.Equal(new string('x', 198) + "…", title);
    }

    [Fact]
    public void Only_the_start_of_a_huge_abstract_matters()
    {
        var text = "The first sentence is long enough. " + string.Concat(Enumerable.Repeat("Then $x. Y and ", 400_000));

        Assert.Equal("The first sentence is long enough", DerivedTitle.From(text));
    }
}
