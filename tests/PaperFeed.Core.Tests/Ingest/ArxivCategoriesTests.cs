using PaperFeed.Core.Ingest;

namespace PaperFeed.Core.Tests.Ingest;

public class ArxivCategoriesTests
{
    [Theory]
    [InlineData("cs.CV cs.AI cs.CV", new[] { "cs.CV", "cs.AI" })]
    [InlineData("  hep-th\n math-ph\t", new[] { "hep-th", "math-ph" })]
    [InlineData("", new string[0])]
    [InlineData(null, new string[0])]
    public void Space_separated_list_keeps_the_order_and_each_category_once(string? categories, string[] expected) =>
        Assert.Equal(expected, ArxivCategories.Split(categories));

    [Fact]
    public void Listed_categories_are_trimmed_and_blanks_dropped() =>
        Assert.Equal(["cs.CL", "cs.AI"], ArxivCategories.Distinct(["cs.CL", " cs.AI ", null, "", "cs.CL"]));
}
