using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using PaperFeed.Data.Papers;

namespace PaperFeed.Data.Search;

/// <summary>
/// A paper's full-text vector, kept beside the paper rather than in it: indexing then inserts a narrow row
/// instead of rewriting the wide paper row and all its indexes, and the ingest merge never pays for
/// <c>to_tsvector</c>. A paper without a document is not indexed yet (new, or its text changed).
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
