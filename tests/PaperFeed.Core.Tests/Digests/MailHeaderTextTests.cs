using PaperFeed.Core.Digests;

namespace PaperFeed.Core.Tests.Digests;

public sealed class MailHeaderTextTests
{
    [Theory]
    [InlineData("A title\r\nBcc: victim@example.org", "A title Bcc: victim@example.org")]
    [InlineData("Line\rone\nand\u2028two\u0085three", "Line one and two three")]
    [InlineData("  Tabs\tand   spaces  ", "Tabs and spaces")]
    [InlineData("Null\0byte", "Null byte")]
    public void Control_characters_and_line_breaks_become_single_spaces(string text, string expected)
    {
        var clean = MailHeaderText.Clean(text);

        Assert.Equal(expected, clean);
        Assert.DoesNotContain('\r', clean);
        Assert.DoesNotContain('\n', clean);
    }

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis_without_splitting_a_surrogate_pair()
    {
        var text = new string('a', 198) + "😀😀😀";

        var clean = MailHeaderText.Clean(text);

        Assert.True(clean.Length <= MailHeaderText.MaxLength);
        Assert.EndsWith("…", clean, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(clean[^2]));
    }
}
