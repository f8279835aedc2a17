using PaperFeed.Core.Ingest.OaiPmh;

namespace PaperFeed.Core.Tests.Ingest.OaiPmh;

public class ArxivAuthorListTests
{
    [Theory]
    [InlineData("D.V. Shetty, S.J. Yennello, and G.A. Souliotis", new[] { "D.V. Shetty", "S.J. Yennello", "G.A. Souliotis" })]
    [InlineData("Valeria M. Rosa and Patricio S. letelier", new[] { "Valeria M. Rosa", "Patricio S. letelier" })]
    [InlineData("A. One (MIT), B. Two (1, 2) and C. Three ((1) Harvard, (2) Yale)", new[] { "A. One", "B. Two", "C. Three" })]
    [InlineData("John Smith, Jr., Jane Roe; Alexander Anderson", new[] { "John Smith Jr.", "Jane Roe", "Alexander Anderson" })]
    [InlineData("  The ATLAS Collaboration  ", new[] { "The ATLAS Collaboration" })]
    [InlineData("First\n  Author,\n  Second Author", new[] { "First Author", "Second Author" })]
    [InlineData("Fran&#231;ois Dupont, Ren\\'e Thom", new[] { "Fran\u00e7ois Dupont", "Ren\\'e Thom" })]
    public void Author_line_is_split_into_display_names(string line, string[] names) =>
        Assert.Equal(names, ArxivAuthorList.Split(line));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , and ; ")]
    public void Blank_author_line_gives_no_names(string? line) => Assert.Empty(ArxivAuthorList.Split(line));
}
