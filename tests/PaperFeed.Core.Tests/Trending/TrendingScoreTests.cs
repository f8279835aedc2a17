using PaperFeed.Core.Trending;

namespace PaperFeed.Core.Tests.Trending;

public class TrendingScoreTests
{
    [Theory]
    // gravity 1: (3 + 1 + 1) / (8 + 2) = 5 / 10
    [InlineData(3, 1, 8.0, 1.0, 0.5)]
    // gravity 2: (17 + 0 + 1) / (1 + 2)^2 = 18 / 9
    [InlineData(17, 0, 1.0, 2.0, 2.0)]
    // gravity 2: (0 + 0 + 1) / (0 + 2)^2 = 1 / 4: a paper published this instant, without votes
    [InlineData(0, 0, 0.0, 2.0, 0.25)]
    // gravity 1.5: (6 + 1 + 1) / (2 + 2)^1.5 = 8 / 8
    [InlineData(6, 1, 2.0, 1.5, 1.0)]
    // gravity 1.8: 1 / 2^1.8 = 1 / 3.4822022531844965
    [InlineData(0, 0, 0.0, 1.8, 0.2871745887492588)]
    // gravity 1.8: 13 / 24^1.8 = 13 / 305.0572...
    [InlineData(10, 2, 22.0, 1.8, 0.04261506127372821)]
    public void Score_is_votes_plus_one_over_age_plus_two_to_the_gravity(int upvotes, int localUpvotes, double ageHours, double gravity, double expected)
    {
        Assert.Equal(expected, TrendingScore.Compute(upvotes, localUpvotes, ageHours, gravity), 1e-15);
    }

    [Fact]
    public void Local_upvotes_count_the_same_as_source_upvotes()
    {
        Assert.Equal(TrendingScore.Compute(5, 0, 10, 1.8), TrendingScore.Compute(2, 3, 10, 1.8));
    }

    [Fact]
    public void With_equal_votes_the_newer_paper_scores_higher_and_with_equal_age_the_more_voted()
    {
        Assert.True(TrendingScore.Compute(4, 0, 5, 1.8) > TrendingScore.Compute(4, 0, 6, 1.8));
        Assert.True(TrendingScore.Compute(5, 0, 5, 1.8) > TrendingScore.Compute(4, 0, 5, 1.8));
    }

    [Fact]
    public void A_paper_without_votes_still_scores_above_zero_and_a_brand_new_one_stays_finite()
    {
        var fresh = TrendingScore.Compute(0, 0, 0, TrendingScore.DefaultGravity);
        Assert.True(fresh > 0);
        Assert.True(double.IsFinite(fresh));
        Assert.True(TrendingScore.Compute(0, 0, 1000, TrendingScore.DefaultGravity) > 0);
    }

    [Fact]
    public void Age_is_the_hours_since_publication()
    {
        var published = new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(36.5, TrendingScore.AgeHours(published, published.AddHours(36.5)));
    }

    [Theory]
    [InlineData(-1, 0, 1.0, 1.8)]
    [InlineData(0, -1, 1.0, 1.8)]
    [InlineData(0, 0, -0.1, 1.8)]
    [InlineData(0, 0, 1.0, 0.0)]
    public void Impossible_parts_are_refused(int upvotes, int localUpvotes, double ageHours, double gravity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendingScore.Compute(upvotes, localUpvotes, ageHours, gravity));
    }

    [Theory]
    [InlineData("day", 1)]
    [InlineData("week", 7)]
    [InlineData("month", 30)]
    public void Windows_are_read_by_name(string name, int days)
    {
        Assert.True(TrendingWindow.TryParse(name, out var window));
        Assert.Equal(TimeSpan.FromDays(days), window);
    }

    [Theory]
    [InlineData("year")]
    [InlineData("Day")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_windows_are_refused(string? name)
    {
        Assert.False(TrendingWindow.TryParse(name, out _));
    }
}
