using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaperFeed.Data.Papers;

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> paper)
    {
        paper.ToTable("papers");
        // Rows up to a page stay inline and uncompressed instead of being pglz-compressed and moved to TOAST from 2 KB
        // on: a quarter of the papers, and PostgreSQL's top cost in a bulk merge (migration PapersStayInline).
        paper.HasStorageParameter("toast_tuple_target", 8160);
        paper.HasKey(p => p.Id);
        paper.Property(p => p.Id).HasMaxLength(64);
        paper.Property(p => p.ArxivId).HasMaxLength(64);
        paper.HasIndex(p => p.ArxivId).IsUnique().HasFilter("arxiv_id IS NOT NULL");
        // text_pattern_ops serves both exact title look-ups and search's "title_key LIKE 'normalised title%'". A bulk load drops
        // this index and the two below and builds them afterwards (Ingest/BulkLoadIndexes.cs).
        paper.HasIndex(p => p.TitleKey).HasOperators("text_pattern_ops");
        paper.Property(p => p.DatePrecision).HasConversion<short>();
        paper.Property(p => p.Upvotes).HasDefaultValue(0);
        paper.Property(p => p.CreatedAt).HasDefaultValueSql("now()");
        paper.Property(p => p.UpdatedAt).HasDefaultValueSql("now()");

        // Newest-first listing, the feed periods and the trending window walk this index. It carries what their
        // ranking reads (precision and both upvote counts), so ranking a month's papers is an index-only scan
        // instead of a heap read per paper (docs/benchmarks.md, "Feed and trending latency").
        paper.HasIndex(p => new { p.PublishedAt, p.Id })
            .IsDescending(true, true)
            .IncludeProperties(p => new { p.DatePrecision, p.Upvotes, p.LocalUpvotes });

        paper.Property(p => p.LocalUpvotes).HasDefaultValue(0);

        // Search's category filter (categories @> ARRAY[c]) finds a small category's papers without a scan.
        paper.HasIndex(p => p.Categories).HasMethod("gin");
    }
}
