using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PaperFeed.Core.FeedPeriods;
using PaperFeed.Data.Paging;

namespace PaperFeed.Data.Feed;

/// <summary>
/// The cursor of a feed's next page: its period and the position in it, sealed (<see cref="SealedCursor"/>). It
/// carries its period, so a client can follow it alone even after a newer day has become the default feed.
/// </summary>
public static class FeedCursor
{
    private const string Scope = "feed";

    public static string Encode(FeedPeriod period, FeedPosition after) =>
        SealedCursor.Seal(Scope, string.Create(
            CultureInfo.InvariantCulture,
            $"{period.Kind}|{period.Start:yyyy-MM-dd}|{after.TotalUpvotes}|{after.PublishedAt.UtcTicks}|{after.Id}"));

    public static bool TryDecode(string? cursor, out FeedPeriod period, [NotNullWhen(true)] out FeedPosition? after)
    {
        period = default;
        after = null;
        if (!SealedCursor.TryOpen(Scope, cursor, out var payload)
            || payload.Split('|', 5) is not [var kindText, var startText, var total, var ticks, var id]
            || !Enum.TryParse<FeedPeriodKind>(kindText, ignoreCase: false, out var kind)
            || !Enum.IsDefined(kind)
            || !DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || FeedPeriod.Containing(kind, start).Start != start
            || start < FeedPeriod.MinDay
            || start > FeedPeriod.MaxDay
            || !int.TryParse(total, NumberStyles.None, CultureInfo.InvariantCulture, out var totalUpvotes)
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || id.Length == 0)
        {
            return false;
        }

        period = FeedPeriod.Containing(kind, start);
        after = new FeedPosition(totalUpvotes, new DateTimeOffset(utcTicks, TimeSpan.Zero), id);
        return true;
    }
}
