using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using PaperFeed.Data.Papers;
using Pgvector;

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

    /// <summary>The ids of the paper's analysed terms (title and abstract), for finding BM25 candidates by GIN.</summary>
    public int[]? Terms { get; set; }

    /// <summary>
    /// The paper's BM25F term weights, <c>tf~ / (k1 + tf~)</c> per term id: the inner product with a query vector of
    /// IDFs is the paper's BM25 score.
    /// </summary>
    public SparseVector? Weights { get; set; }

    /// <summary>Title length in analysed terms (for the corpus average length).</summary>
    public int TitleLength { get; set; }

    /// <summary>Abstract length in analysed terms.</summary>
    public int AbstractLength { get; set; }
}

internal sealed class PaperSearchDocumentConfiguration : IEntityTypeConfiguration<PaperSearchDocument>
{
    public void Configure(EntityTypeBuilder<PaperSearchDocument> document)
    {
        document.ToTable("paper_search");
        document.HasKey(d => d.PaperId);
        document.HasOne<Paper>().WithOne().HasForeignKey<PaperSearchDocument>(d => d.PaperId).OnDelete(DeleteBehavior.Cascade);
        document.HasIndex(d => d.SearchVector).HasMethod("gin").HasDatabaseName(SearchIndexRefresher.GinIndexName);
        document.Property(d => d.Weights).HasColumnType("sparsevec");
        document.HasIndex(d => d.Terms).HasMethod("gin").HasDatabaseName("ix_paper_search_terms");
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
