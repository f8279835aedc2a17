using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaperFeed.Data.Papers;
using Pgvector;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// A paper's vector under one <see cref="EmbeddingModel"/>. The column has no fixed dimension, since models differ;
/// each model gets its own partial HNSW index over <c>(embedding::vector(D))</c> <c>WHERE model_id = id</c>,
/// created when the model is registered, and queries use that same expression and filter.
/// </summary>
public sealed class PaperEmbedding
{
    public int ModelId { get; set; }

    public required string PaperId { get; set; }

    public required Vector Embedding { get; set; }
}

internal sealed class PaperEmbeddingConfiguration : IEntityTypeConfiguration<PaperEmbedding>
{
    public void Configure(EntityTypeBuilder<PaperEmbedding> embedding)
    {
        embedding.ToTable("paper_embeddings");
        embedding.HasKey(e => new { e.ModelId, e.PaperId });
        embedding.Property(e => e.Embedding).HasColumnType("vector");
        embedding.HasOne<EmbeddingModel>().WithMany().HasForeignKey(e => e.ModelId).OnDelete(DeleteBehavior.Cascade);
        embedding.HasOne<Paper>().WithMany().HasForeignKey(e => e.PaperId).OnDelete(DeleteBehavior.Cascade);
        embedding.HasIndex(e => e.PaperId);
    }
}
