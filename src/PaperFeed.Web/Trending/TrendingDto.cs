using PaperFeed.Data.Trending;
using PaperFeed.Web.Papers;

namespace PaperFeed.Web.Trending;

/// <summary>A paper in the trending list, with its score and the parts it was computed from.</summary>
/// <param name="Paper">The paper; its upvotes field is the total, upvotes + localUpvotes.</param>
/// <param name="Score">(upvotes + localUpvotes + 1) / (ageHours + 2) ^ gravity.</param>
/// <param name="Upvotes">Upvotes reported by the sources.</param>
/// <param name="LocalUpvotes">Upvotes cast on this instance.</param>
/// <param name="AgeHours">Hours from publication to asOf.</param>
/// <param name="Gravity">How fast age pulls the score down (configuration Trending:Gravity).</param>
public sealed record TrendingItemDto(PaperDto Paper, double Score, int Upvotes, int LocalUpvotes, double AgeHours, double Gravity);

/// <summary>One page of the trending list.</summary>
/// <param name="Window">day (24 h), week (7 days) or month (30 days) before asOf.</param>
/// <param name="AsOf">The moment the scores are computed at: the start of the minute of the first page's request.</param>
/// <param name="Items">Papers by score, highest first; ties by id.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page (same window and asOf); null on the last page.</param>
public sealed record TrendingPageDto(string Window, DateTimeOffset AsOf, IReadOnlyList<TrendingItemDto> Items, string? NextCursor);

public static class TrendingMapping
{
    public static TrendingItemDto ToDto(this TrendingPaper item) =>
        new(item.Paper.ToDto(), item.Score, item.Paper.Upvotes, item.Paper.LocalUpvotes, item.AgeHours, item.Gravity);
}
