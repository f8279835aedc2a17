namespace PaperFeed.Core.Trending;

/// <summary>
/// The spans of time a trending list looks back over, by name. A month is 30 days: a rolling window has no
/// calendar month to follow.
/// </summary>
public static class TrendingWindow
{
    public static readonly IReadOnlyDictionary<string, TimeSpan> ByName = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["day"] = TimeSpan.FromDays(1),
        ["week"] = TimeSpan.FromDays(7),
        ["month"] = TimeSpan.FromDays(30),
    };

    public static bool TryParse(string? name, out TimeSpan window) =>
        ByName.TryGetValue(name ?? "", out window);
}
