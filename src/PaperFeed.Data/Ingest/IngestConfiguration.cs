using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaperFeed.Data.Ingest;

internal sealed class IngestRunConfiguration : IEntityTypeConfiguration<IngestRun>
{
    public void Configure(EntityTypeBuilder<IngestRun> run)
    {
        run.ToTable("ingest_runs");
        run.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        run.Property(r => r.StartedAt).HasDefaultValueSql("now()");
        run.HasMany(r => r.RejectedRecords).WithOne().HasForeignKey(r => r.IngestRunId).OnDelete(DeleteBehavior.Cascade);
        run.HasIndex(r => r.StartedAt);
    }
}

internal sealed class RejectedRecordConfiguration : IEntityTypeConfiguration<RejectedRecord>
{
    public void Configure(EntityTypeBuilder<RejectedRecord> rejected)
    {
        rejected.ToTable("rejected_records");
        rejected.Property(r => r.RecordedAt).HasDefaultValueSql("now()");
    }
}

internal sealed class HarvestCheckpointConfiguration : IEntityTypeConfiguration<HarvestCheckpoint>
{
    public void Configure(EntityTypeBuilder<HarvestCheckpoint> checkpoint)
    {
        checkpoint.ToTable("harvest_checkpoints");
        checkpoint.HasKey(c => c.SourceKey);
        checkpoint.Property(c => c.From).HasColumnName("from_date");
        checkpoint.Property(c => c.Until).HasColumnName("until_date");
    }
}
