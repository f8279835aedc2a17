using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PaperFeed.Core.Trending;
using PaperFeed.Data.Paging;

namespace PaperFeed.Web.Trending;

/// <summary>
/// The next page of a trending list: its window, the moment its scores were computed at (so that every page ranks
/// the same way while time passes) and how many papers came before. Sealed (<see cref="SealedCursor"/>).
/// </summary>
public sealed record TrendingCursor(string Window, DateTimeOffset AsOf, int Offset)
{
    private const string Scope = "trending";

    public string Encode() =>
        SealedCursor.Seal(Scope, string.Create(CultureInfo.InvariantCulture, $"{Window}|{AsOf.UtcTicks}|{Offset}"));

    public static bool TryDecode(string? cursor, [NotNullWhen(true)] out TrendingCursor? decoded)
    {
        decoded = null;
        if (!SealedCursor.TryOpen(Scope, cursor, out var payload)
            || payload.Split('|') is not [var window, var ticks, var offsetText]
            || !TrendingWindow.ByName.ContainsKey(window)
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return false;
        }

        decoded = new TrendingCursor(window, new DateTimeOffset(utcTicks, TimeSpan.Zero), offset);
        return true;
    }
}
