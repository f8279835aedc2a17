using PaperFeed.Core.Trending;

namespace PaperFeed.Data.Trending;

/// <summary>Configuration section <c>Trending</c>.</summary>
public sealed class TrendingOptions
{
    public const string Section = "Trending";

    /// <summary>The largest gravity accepted: beyond it age crushes every vote and the ranking is just "newest".</summary>
    public const double MaxGravity = 10;

    /// <summary><c>Trending:Gravity</c>, the exponent of the age in <see cref="TrendingScore"/>; 1.8 by default.</summary>
    public double Gravity { get; set; } = TrendingScore.DefaultGravity;
}
