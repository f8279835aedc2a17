using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using PaperFeed.Data.Papers;

namespace PaperFeed.Data.Search;

/// <summary>
/// A paper's full-text vector, kept beside the paper rather than in it: indexing then inserts a narrow row
/// instead of rewriting the wide paper row and all its indexes, and the ingest merge never pays for
/// <c>to_tsvector</c>. Papers whose text is new or changed wait in <see cref="PendingSearchDocument"/>.
/// </summary>
public sealed class PaperSearchDocument
{
    public required string PaperId { get; set; }

    /// <summary>Weighted: title A, abstract B (<see cref="SearchIndexRefresher.SearchVectorSql"/>).</summary>
    public required NpgsqlTsVector SearchVector { get; set; }
}

internal sealed class PaperSearchDocumentConfiguration : IEntityTypeConfiguration<PaperSearchDocument>
{
    public void Configure(EntityTypeBuilder<PaperSearchDocument> document)
    {
        document.ToTable("paper_search");
        document.HasKey(d => d.PaperId);
        document.HasOne<Paper>().WithOne().HasForeignKey<PaperSearchDocument>(d => d.PaperId).OnDelete(DeleteBehavior.Cascade);
        document.HasIndex(d => d.SearchVector).HasMethod("gin").HasDatabaseName(SearchIndexRefresher.GinIndexName);
    }
}

/// <summary>
/// A paper whose search document must be (re)built: queued by the ingest merge in the same transaction as the
/// paper, consumed by <see cref="SearchIndexRefresher"/>. Finding the work costs what the work is, not a scan
/// of every paper.
/// </summary>
public sealed class PendingSearchDocument
{
    public required string PaperId { get; set; }
}

internal sealed class PendingSearchDocumentConfiguration : IEntityTypeConfiguration<PendingSearchDocument>
{
    public void Configure(EntityTypeBuilder<PendingSearchDocument> pending)
    {
        pending.ToTable("paper_search_pending");
        pending.HasKey(d => d.PaperId);
        pending.Property(d => d.PaperId).HasMaxLength(64);
        // No foreign key: the merge queues every new paper, and a per-row check would slow it; an entry whose paper
        // is gone is dropped when the queue is consumed (the refresher joins papers).
    }
}
