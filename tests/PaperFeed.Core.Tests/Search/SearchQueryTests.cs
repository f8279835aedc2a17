using PaperFeed.Core.Search;

namespace PaperFeed.Core.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("2301.00001", "2301.00001")]
    [InlineData("see arXiv:2301.00001v3 please", "2301.00001")]
    [InlineData("(arXiv:1706.03762).", "1706.03762")]
    [InlineData("https://arxiv.org/abs/2301.00001v2", "2301.00001")]
    [InlineData("hep-th/9901001", "hep-th/9901001")]
    [InlineData("hep-th_9901001v2", "hep-th/9901001")]
    [InlineData("math.GT/0309136 knots", "math.GT/0309136")]
    public void ArXiv_ids_are_found_in_either_scheme_without_their_version(string text, string id)
    {
        Assert.Equal([id], SearchQuery.Parse(text).ArxivIds);
    }

    [Theory]
    [InlineData("3.14159 and 2023.12345 are numbers")]
    [InlineData("transformers for vision")]
    public void Numbers_that_are_not_arXiv_ids_are_not_taken_for_ones(string text)
    {
        Assert.Empty(SearchQuery.Parse(text).ArxivIds);
    }

    [Fact]
    public void Quoted_phrases_are_found_with_straight_or_typographic_quotes()
    {
        var query = SearchQuery.Parse("\"graph neural networks\" for “molecule generation” and \"the\"");

        Assert.Equal(["graph neural networks", "molecule generation"], query.Phrases.Select(p => p.Text));
        Assert.Equal(
            [SearchTermId.For("graph"), SearchTermId.For("neural"), SearchTermId.For("network")],
            query.Phrases[0].TermIds);
    }

    [Fact]
    public void Terms_are_distinct_in_order_of_first_appearance()
    {
        var query = SearchQuery.Parse("Networks of networks: a network study");

        Assert.Equal(["network", "studi"], query.Terms.Select(t => t.Stem));
        Assert.Equal(3, query.Terms[0].Count);
    }

    [Fact]
    public void The_title_key_is_the_normalised_query()
    {
        Assert.Equal("nystrom initiated low rank", SearchQuery.Parse("  Nyström-Initiated  Low-Rank! ").TitleKey);
    }

    [Fact]
    public void Very_long_input_is_cut()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"word{i}")));

        Assert.True(query.Text.Length == SearchQuery.MaxChars);
        Assert.InRange(query.Terms.Count, 100, 400);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Blank_input_is_an_empty_query(string? text)
    {
        Assert.True(SearchQuery.Parse(text).IsEmpty);
    }
}
