using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaperFeed.Data.Papers;

namespace PaperFeed.Data.Votes;

/// <summary>
/// One visitor's upvote of one paper. The key makes a second vote of the same visitor a no-op; the paper's
/// <see cref="Paper.LocalUpvotes"/> counts these rows and moves in the same transaction.
/// </summary>
public sealed class PaperVote
{
    public required string PaperId { get; set; }

    /// <summary>Who voted: a hash of the visitor's cookie or client key, never the raw value.</summary>
    public required string VoterKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class PaperVoteConfiguration : IEntityTypeConfiguration<PaperVote>
{
    public void Configure(EntityTypeBuilder<PaperVote> vote)
    {
        vote.ToTable("paper_votes");
        vote.HasKey(v => new { v.PaperId, v.VoterKey });
        // "For you" reads one visitor's votes.
        vote.HasIndex(v => v.VoterKey);
        vote.Property(v => v.VoterKey).HasMaxLength(64);
        vote.Property(v => v.CreatedAt).HasDefaultValueSql("now()");
        vote.HasOne<Paper>().WithMany().HasForeignKey(v => v.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}
