using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaperFeed.Data.Papers;

namespace PaperFeed.Data.Recommendations;

/// <summary>A paper one visitor asked not to see again: a negative example for their recommendations.</summary>
public sealed class HiddenPaper
{
    /// <summary>The visitor: the same hash of their cookie or client key as <see cref="Votes.PaperVote.VoterKey"/>.</summary>
    public required string VoterKey { get; set; }

    public required string PaperId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class HiddenPaperConfiguration : IEntityTypeConfiguration<HiddenPaper>
{
    public void Configure(EntityTypeBuilder<HiddenPaper> hidden)
    {
        hidden.ToTable("visitor_hidden_papers");
        hidden.HasKey(h => new { h.VoterKey, h.PaperId });
        hidden.Property(h => h.VoterKey).HasMaxLength(64);
        hidden.Property(h => h.CreatedAt).HasDefaultValueSql("now()");
        hidden.HasOne<Paper>().WithMany().HasForeignKey(h => h.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}
