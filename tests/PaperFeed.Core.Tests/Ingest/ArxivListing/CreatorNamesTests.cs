using PaperFeed.Core.Ingest.ArxivListing;

namespace PaperFeed.Core.Tests.Ingest.ArxivListing;

public class CreatorNamesTests
{
    [Theory]
    [InlineData("Jun Cui", new[] { "Jun Cui" })]
    [InlineData("Hyewon Jeong, Suyeol Yun, Hammaad Adam", new[] { "Hyewon Jeong", "Suyeol Yun", "Hammaad Adam" })]
    [InlineData("A. Begun (JINR, Dubna), V. G. Bornyakov (IHEP)", new[] { "A. Begun", "V. G. Bornyakov" })]
    [InlineData("Ann Smith (MIT (CSAIL), USA), Bo Li", new[] { "Ann Smith", "Bo Li" })]
    [InlineData("Ann Smith, Bo Li, and Cy Young", new[] { "Ann Smith", "Bo Li", "Cy Young" })]
    [InlineData("ATLAS Collaboration", new[] { "ATLAS Collaboration" })]
    [InlineData(" , Ann Smith,, ", new[] { "Ann Smith" })]
    [InlineData("", new string[0])]
    public void Creators_split_at_commas_outside_affiliations(string creators, string[] names)
    {
        Assert.Equal(names, CreatorNames.Split(creators));
    }
}
