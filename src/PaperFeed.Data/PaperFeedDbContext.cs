using Microsoft.EntityFrameworkCore;
using PaperFeed.Data.Ingest;
using PaperFeed.Data.Papers;

namespace PaperFeed.Data;

/// <summary>The unit of work and the repository: features query it directly (no repository layer on top).</summary>
public sealed class PaperFeedDbContext(DbContextOptions<PaperFeedDbContext> options) : DbContext(options)
{
    /// <summary>The dimension of <see cref="Paper.Embedding"/> until the Relevance work chooses the models.</summary>
    public const int EmbeddingDimensions = 384;

    public DbSet<Paper> Papers => Set<Paper>();

    public DbSet<IngestRun> IngestRuns => Set<IngestRun>();

    public DbSet<RejectedRecord> RejectedRecords => Set<RejectedRecord>();

    public DbSet<HarvestCheckpoint> HarvestCheckpoints => Set<HarvestCheckpoint>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaperFeedDbContext).Assembly);
    }
}
