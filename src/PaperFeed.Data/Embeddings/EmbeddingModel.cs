using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// A model whose vectors are stored in <see cref="PaperEmbedding"/>. Vectors carry the model's id, so that two
/// models' vectors are never compared, and a new model can be filled in the background while the active one
/// keeps serving queries.
/// </summary>
public sealed class EmbeddingModel
{
    public int Id { get; set; }

    /// <summary>Unique, human-readable: provider, model and version, e.g. <c>corpus-sif/w2v-200d/2026-11-23T10:00Z</c>.</summary>
    public required string Name { get; set; }

    /// <summary>Which <c>IEmbeddingGenerator</c> produces the vectors (the configuration's provider name).</summary>
    public required string Provider { get; set; }

    public int Dimensions { get; set; }

    public EmbeddingModelState State { get; set; }

    /// <summary>
    /// The fitted model itself, for providers fitted on the stored corpus: every web and worker instance loads the
    /// same bytes from PostgreSQL, so that they all embed queries the same way. Null for external models.
    /// </summary>
    public byte[]? Artifact { get; set; }

    /// <summary>How many papers the model was fitted on, to tell when the corpus has grown enough to refit.</summary>
    public int? FittedPaperCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }
}

public enum EmbeddingModelState : short
{
    /// <summary>Its vectors are being computed; queries still use the active model.</summary>
    Building = 0,

    /// <summary>The model queries use. At most one model is active.</summary>
    Active = 1,

    /// <summary>Replaced; its vectors may be deleted.</summary>
    Retired = 2,
}

internal sealed class EmbeddingModelConfiguration : IEntityTypeConfiguration<EmbeddingModel>
{
    public void Configure(EntityTypeBuilder<EmbeddingModel> model)
    {
        model.ToTable("embedding_models");
        model.HasKey(m => m.Id);
        model.Property(m => m.Name).HasMaxLength(200);
        model.HasIndex(m => m.Name).IsUnique();
        model.Property(m => m.Provider).HasMaxLength(64);
        model.Property(m => m.State).HasConversion<short>();
        model.Property(m => m.CreatedAt).HasDefaultValueSql("now()");

        // At most one active model, enforced by PostgreSQL rather than by convention.
        model.HasIndex(m => m.State).IsUnique().HasFilter("state = 1").HasDatabaseName("ix_embedding_models_single_active");
    }
}
