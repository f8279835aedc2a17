using PaperFeed.Data.Papers;

namespace PaperFeed.Data.Trending;

/// <summary>
/// A paper in a trending list, with the parts of its score as PostgreSQL computed them:
/// <c>Score = (Paper.Upvotes + Paper.LocalUpvotes + 1) / (AgeHours + 2) ^ Gravity</c> (see <see cref="Core.Trending.TrendingScore"/>).
/// </summary>
public sealed record TrendingPaper(Paper Paper, double AgeHours, double Gravity, double Score);
