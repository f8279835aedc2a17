using PaperFeed.Core.Ingest;

namespace PaperFeed.Core.Tests.Ingest;

public class ArxivAuthorsTests
{
    [Theory]
    [InlineData("D.V. Shetty, S.J. Yennello, and G.A. Souliotis", new[] { "D.V. Shetty", "S.J. Yennello", "G.A. Souliotis" })]
    [InlineData("Valeria M. Rosa and Patricio S. letelier", new[] { "Valeria M. Rosa", "Patricio S. letelier" })]
    [InlineData("A. One (MIT), B. Two (1, 2) and C. Three ((1) Harvard, (2) Yale)", new[] { "A. One", "B. Two", "C. Three" })]
    [InlineData("John Smith, Jr., Jane Roe; Alexander Anderson", new[] { "John Smith Jr.", "Jane Roe", "Alexander Anderson" })]
    [InlineData("  The ATLAS Collaboration  ", new[] { "The ATLAS Collaboration" })]
    [InlineData("First\n  Author,\n  Second Author", new[] { "First Author", "Second Author" })]
    [InlineData("Fran&#231;ois Dupont, Ren\\'e Thom", new[] { "Fran\u00e7ois Dupont", "Ren\\'e Thom" })]
    [InlineData("A B, C D et al.", new[] { "A B", "C D" })]
    [InlineData("A, B and others", new[] { "A", "B" })]
    [InlineData("Ann Smith III, Bo Li", new[] { "Ann Smith III", "Bo Li" })]
    [InlineData("Ann Smith (MIT)Bo Li", new[] { "Ann Smith Bo Li" })]
    public void Typed_author_line_is_split_into_display_names(string line, string[] names) =>
        Assert.Equal(names, ArxivAuthors.SplitTyped(line));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , and ; ")]
    [InlineData("et al.")]
    public void Blank_author_line_gives_no_names(string? line) => Assert.Empty(ArxivAuthors.SplitTyped(line));

    [Theory]
    [InlineData("Jun Cui", new[] { "Jun Cui" })]
    [InlineData("Hyewon Jeong, Suyeol Yun, Hammaad Adam", new[] { "Hyewon Jeong", "Suyeol Yun", "Hammaad Adam" })]
    [InlineData("A. Begun (JINR, Dubna), V. G. Bornyakov (IHEP)", new[] { "A. Begun", "V. G. Bornyakov" })]
    [InlineData("Ann Smith (MIT (CSAIL), USA), Bo Li", new[] { "Ann Smith", "Bo Li" })]
    [InlineData("Ann Smith, Bo Li, and Cy Young", new[] { "Ann Smith", "Bo Li", "Cy Young" })]
    [InlineData("ATLAS Collaboration", new[] { "ATLAS Collaboration" })]
    [InlineData("Particle and Nuclear Physics Collaboration, Bo Li", new[] { "Particle and Nuclear Physics Collaboration", "Bo Li" })]
    [InlineData(" , Ann Smith,, ", new[] { "Ann Smith" })]
    [InlineData("", new string[0])]
    public void Feed_creators_split_at_commas_outside_affiliations(string creators, string[] names) =>
        Assert.Equal(names, ArxivAuthors.SplitJoined(creators));
}
