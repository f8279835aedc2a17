using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Papers;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("  Attention   is all\tyou need  ", "Attention is all you need")]
    [InlineData("hard\nwrapped\r\nabstract\rtext", "hard wrapped abstract text")]
    [InlineData("no\u00A0break\u2009thin\u3000ideographic", "no break thin ideographic")]
    [InlineData("Q&amp;A &lt;b&gt; &#233;t&eacute;", "Q&A <b> été")]
    [InlineData("a&nbsp;&nbsp;b", "a b")]
    [InlineData("", "")]
    [InlineData("   \n\t ", "")]
    public void Normalize_decodes_entities_and_collapses_whitespace(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Normalize_of_null_is_empty() => Assert.Equal("", TextNormalizer.Normalize(null));

    [Fact]
    public void Normalize_decodes_entities_once_only() =>
        Assert.Equal("&lt;script&gt; stays text", TextNormalizer.Normalize("&amp;lt;script&amp;gt; stays text"));

    [Fact]
    public void Normalize_keeps_markup_and_latex_as_text() =>
        Assert.Equal("<script>alert(1)</script> with $\\alpha_{i}$ and i.i.d.\\ samples",
            TextNormalizer.Normalize("<script>alert(1)</script>   with $\\alpha_{i}$ and\n  i.i.d.\\ samples"));

    [Theory]
    [InlineData("NLoRA: Nyström-Initiated Low-Rank Adaptation", "nlora nystrom initiated low rank adaptation")]
    [InlineData("  Crème   Brûlée!! (Ångström) ", "creme brulee angstrom")]
    [InlineData("Compress &amp; Align", "compress align")]
    [InlineData("Compress & Align", "compress align")]
    [InlineData("Tiếng Việt được hỗ trợ", "tieng viet đuoc ho tro")]
    [InlineData("Ελληνικά άέή and Ёлка", "ελληνικα αεη and елка")]
    [InlineData("e\u0301te\u0301 (decomposed)", "ete decomposed")]
    [InlineData("GPT-4o vs. GPT-4: 1.5x?", "gpt 4o vs gpt 4 1 5x")]
    [InlineData("İstanbul ŁÓDŹ", "istanbul łodz")]
    [InlineData("---", "")]
    public void Title_key_is_lower_case_without_diacritics_or_punctuation(string title, string expected) =>
        Assert.Equal(expected, TextNormalizer.NormalizeTitleKey(title));

    [Fact]
    public void Title_key_is_the_same_for_spellings_of_one_title() =>
        Assert.Equal(
            TextNormalizer.NormalizeTitleKey("Nyström-Initiated Low-Rank Adaptation for Large Language Models"),
            TextNormalizer.NormalizeTitleKey("NYSTROM initiated low rank adaptation, for large language models."));
}
