using System.Text.Json;
using PaperFeed.Core.Ingest.ArxivSnapshot;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest.ArxivSnapshot;

/// <summary><see cref="CollapsedText"/> is a faster <see cref="TextNormalizer.Normalize"/>; it must give the same strings.</summary>
public class CollapsedTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("word")]
    [InlineData("  Leading and trailing\n")]
    [InlineData("hard\nwrapped\r\nlines\rhere")]
    [InlineData("para one.\n\n  Para two.")]
    [InlineData("tabs\tand\u00A0no-break\u2009thin\u3000ideographic\u2028line\u0085next\u000Bvt\u000Cff spaces")]
    [InlineData("many     spaces  between    words ")]
    [InlineData("$\\alpha \\le  \\beta$ and\n  \\textbf{bold}")]
    [InlineData("Q&amp;A &lt;b&gt; &amp;amp; H&E and AT&T")]
    [InlineData("entity&nbsp;space and &#x2003;em")]
    [InlineData("surrogates 𝔸 \uD835\uDD38 stay")]
    [InlineData("\u200B zero width is not whitespace \uFEFF")]
    public void Gives_what_TextNormalizer_gives(string text) =>
        Assert.Equal(TextNormalizer.Normalize(text), CollapsedText.Normalize(text.ToCharArray()));

    [Fact]
    public void Gives_what_TextNormalizer_gives_on_every_sample_title_and_abstract()
    {
        foreach (var line in File.ReadLines(Path.Combine(SampleFiles.FixturesDirectory, SnapshotReading.Sample)))
        {
            using var json = JsonDocument.Parse(line);
            foreach (var field in (string[])["title", "abstract", "authors", "comments"])
            {
                var text = json.RootElement.GetProperty(field).GetString() ?? "";
                Assert.Equal(TextNormalizer.Normalize(text), CollapsedText.Normalize(text.ToCharArray()));
            }
        }
    }

    [Fact]
    public void Every_whitespace_character_collapses_like_TextNormalizer_collapses_it()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            var text = $" a{(char)c}{(char)c}b ";
            Assert.Equal(TextNormalizer.Normalize(text), CollapsedText.Normalize(text.ToCharArray()));
        }
    }
}
