using PaperFeed.Core.Search;

namespace PaperFeed.Core.Tests.Search;

public sealed class SearchTermIdTests
{
    // Stored indexes depend on these values: they must never change between builds, processes or machines.
    [Theory]
    [InlineData("model", 488063425)]
    [InlineData("transform", 309794277)]
    [InlineData("nystrom", 112479453)]
    [InlineData("日", 511979349)]
    public void Ids_are_fixed_hashes_of_the_stem(string stem, int id)
    {
        Assert.Equal(id, SearchTermId.For(stem));
    }

    [Fact]
    public void Ids_are_valid_sparse_vector_indices()
    {
        var ids = Enumerable.Range(0, 100_000).Select(i => SearchTermId.For($"stem{i}")).ToList();

        Assert.All(ids, id => Assert.InRange(id, 1, SearchTermId.Dimensions - 1));
    }

    [Fact]
    public void Different_stems_rarely_share_an_id()
    {
        var ids = Enumerable.Range(0, 100_000).Select(i => SearchTermId.For($"stem{i}")).ToHashSet();

        // About n²/2·10⁹ ≈ 5 collisions are expected among 100,000 stems.
        Assert.InRange(ids.Count, 99_950, 100_000);
    }

    [Fact]
    public void Long_stems_hash_like_short_ones()
    {
        var stem = new string('a', 1_000);

        Assert.Equal(SearchTermId.For(stem), SearchTermId.For(new string('a', 1_000)));
        Assert.NotEqual(SearchTermId.For(stem), SearchTermId.For(stem[..999]));
    }
}
