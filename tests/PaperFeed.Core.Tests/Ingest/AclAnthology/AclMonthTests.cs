using PaperFeed.Core.Ingest.AclAnthology;

namespace PaperFeed.Core.Tests.Ingest.AclAnthology;

/// <summary>The free-text <c>&lt;month&gt;</c> values of the 2023-2024 collections, and a few more.</summary>
public class AclMonthTests
{
    [Theory]
    [InlineData("July", 7)]
    [InlineData("6", 6)]
    [InlineData("7", 7)]
    [InlineData("sEPTEMBER", 9)]
    [InlineData("june", 6)]
    [InlineData("Septempber", 9)]
    [InlineData("20 August", 8)]
    [InlineData("3 August", 8)]
    [InlineData("July-August", 7)]
    [InlineData("November 6-10", 11)]
    [InlineData("Sept.", 9)]
    [InlineData("Dec", 12)]
    [InlineData(" 12 ", 12)]
    [InlineData("06", 6)]
    [InlineData("6-7", 6)]
    [InlineData("2023-06", 6)]
    public void Month_is_read_from_names_numbers_and_ranges(string text, int month) =>
        Assert.Equal(month, AclMonth.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("13")]
    [InlineData("0")]
    [InlineData("Spring")]
    [InlineData("Ju")]
    public void Text_naming_no_month_gives_none(string? text) =>
        Assert.Null(AclMonth.Parse(text));
}
