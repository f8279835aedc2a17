using PaperFeed.Core.FeedPeriods;
using PaperFeed.Web.Papers;

namespace PaperFeed.Web.Feed;

/// <summary>A day, ISO week or month of publication dates.</summary>
/// <param name="Kind">day, week or month.</param>
/// <param name="Key">The period as the feed's query writes it: date=2025-03-04, week=2025-W10 or month=2025-03.</param>
/// <param name="Start">First instant of the period (midnight UTC, inclusive).</param>
/// <param name="End">Midnight UTC after the period's last day (exclusive).</param>
public sealed record FeedPeriodDto(string Kind, string Key, DateTimeOffset Start, DateTimeOffset End);

/// <summary>One page of a period's papers, most upvoted first.</summary>
/// <param name="Period">The period shown.</param>
/// <param name="Previous">The nearest earlier period of the same kind that has papers; null when none has.</param>
/// <param name="Next">The nearest later period of the same kind that has papers; null when none has.</param>
/// <param name="Items">Papers by total upvotes, then newest, then id.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page of the same period; null on the last page.</param>
public sealed record FeedPageDto(
    FeedPeriodDto Period, FeedPeriodDto? Previous, FeedPeriodDto? Next, IReadOnlyList<PaperDto> Items, string? NextCursor);

public static class FeedMapping
{
    public static FeedPeriodDto ToDto(this FeedPeriod period) =>
        new(period.Kind.ToString().ToLowerInvariant(), period.Key, period.StartsAt, period.EndsAt);
}
