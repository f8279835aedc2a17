namespace PaperFeed.Core.Trending;

/// <summary>
/// How "hot" a paper is: Hacker News' gravity ranking,
/// <c>score = (upvotes + localUpvotes + 1) / (ageHours + 2) ^ gravity</c>, with the age in hours since
/// publication. Votes raise a paper; age pulls every paper down, faster the larger <c>gravity</c> is.
/// <list type="bullet">
/// <item><c>+ 1</c> in the numerator: a paper nobody has voted for yet still scores above zero, so unvoted papers
/// rank among themselves newest first instead of all tying at zero, and the first vote counts as doubling the
/// score rather than as an infinite jump.</item>
/// <item><c>+ 2</c> in the denominator: a paper published a moment ago would otherwise divide by an age near zero,
/// and its score would explode past every older paper whatever their votes; two hours of head start caps how much a
/// brand-new paper can gain from freshness alone.</item>
/// </list>
/// The SQL of <c>PaperFeed.Data.Trending.TrendingQuery</c> computes the same expression; this is its reference.
/// </summary>
public static class TrendingScore
{
    /// <summary>Hacker News' gravity: a paper's score halves roughly when its age (plus two hours) grows by 47%.</summary>
    public const double DefaultGravity = 1.8;

    /// <param name="upvotes">Upvotes reported by the sources.</param>
    /// <param name="localUpvotes">Upvotes cast on this instance.</param>
    /// <param name="ageHours">Hours since publication, not negative.</param>
    /// <param name="gravity">The exponent of the age, greater than zero.</param>
    public static double Compute(int upvotes, int localUpvotes, double ageHours, double gravity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(upvotes);
        ArgumentOutOfRangeException.ThrowIfNegative(localUpvotes);
        ArgumentOutOfRangeException.ThrowIfNegative(ageHours);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gravity);
        return (upvotes + localUpvotes + 1.0) / Math.Pow(ageHours + 2.0, gravity);
    }

    /// <summary>Hours from <paramref name="publishedAt"/> to <paramref name="asOf"/>.</summary>
    public static double AgeHours(DateTimeOffset publishedAt, DateTimeOffset asOf) => (asOf - publishedAt).TotalHours;
}
