using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaperFeed.Data.Search;

/// <summary>
/// The corpus-wide figures BM25 needs, one row (<see cref="SingletonId"/>): how many papers are indexed, their
/// total field lengths, and the average lengths the stored per-paper weights were computed with (so that the
/// indexer can tell when the corpus has drifted enough to recompute them).
/// </summary>
public sealed class SearchStatistics
{
    public const short SingletonId = 1;

    public short Id { get; set; } = SingletonId;

    public long DocumentCount { get; set; }

    public long TitleLengthSum { get; set; }

    public long AbstractLengthSum { get; set; }

    /// <summary>Average title length (in terms) that the stored weights were computed with.</summary>
    public double WeightedTitleAverage { get; set; }

    /// <summary>Average abstract length (in terms) that the stored weights were computed with.</summary>
    public double WeightedAbstractAverage { get; set; }

    /// <summary>
    /// The analyzer and BM25 parameters the stored weights were computed with (<see cref="Core.Search.Bm25Options.Signature"/>):
    /// when the configuration says otherwise, every paper is indexed again.
    /// </summary>
    public string WeightedWith { get; set; } = "";
}

internal sealed class SearchStatisticsConfiguration : IEntityTypeConfiguration<SearchStatistics>
{
    public void Configure(EntityTypeBuilder<SearchStatistics> statistics)
    {
        statistics.ToTable("search_statistics", t => t.HasCheckConstraint("ck_search_statistics_singleton", "id = 1"));
        statistics.HasKey(s => s.Id);
        statistics.Property(s => s.Id).ValueGeneratedNever();
        statistics.Property(s => s.WeightedWith).HasDefaultValue("");
    }
}
