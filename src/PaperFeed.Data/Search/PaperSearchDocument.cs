using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaperFeed.Data.Papers;
using Pgvector;

namespace PaperFeed.Data.Search;

/// <summary>
/// A paper's entry in the lexical (BM25F) index, kept beside the paper rather than in it: indexing then writes a
/// narrow row instead of rewriting the wide paper row and all its indexes, and the ingest merge never pays for text
/// analysis. Papers whose text is new or changed wait in <see cref="PendingSearchDocument"/>; deleting a row (or its
/// paper) takes its terms out of <see cref="SearchTerm"/> and <see cref="SearchStatistics"/> by trigger.
/// </summary>
public sealed class PaperSearchDocument
{
    public required string PaperId { get; set; }

    /// <summary>
    /// The ids of the paper's analysed terms (title and abstract, ascending; <see cref="Core.Search.SearchTermId"/>),
    /// for finding BM25 candidates by GIN.
    /// </summary>
    public required int[] Terms { get; set; }

    /// <summary>
    /// The paper's BM25F term weights, <c>tf~ / (k1 + tf~)</c> per term id: the inner product with a query vector of
    /// IDFs is the paper's BM25 score.
    /// </summary>
    public required SparseVector Weights { get; set; }

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
        document.Property(d => d.Weights).HasColumnType("sparsevec");
        document.HasIndex(d => d.Terms).HasMethod("gin").HasDatabaseName(SearchIndexRefresher.TermsIndexName);
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
