using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaperFeed.Data.Papers;

namespace PaperFeed.Data.Digests;

/// <summary>A paper put into a subscriber's digest: the key keeps it out of every later digest of theirs.</summary>
public sealed class DigestPaper
{
    public long SubscriberId { get; set; }

    public required string PaperId { get; set; }

    public long MailId { get; set; }
}

internal sealed class DigestPaperConfiguration : IEntityTypeConfiguration<DigestPaper>
{
    public void Configure(EntityTypeBuilder<DigestPaper> paper)
    {
        paper.ToTable("digest_papers");
        paper.HasKey(p => new { p.SubscriberId, p.PaperId });
        paper.HasOne<Subscriber>().WithMany().HasForeignKey(p => p.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        paper.HasOne<Paper>().WithMany().HasForeignKey(p => p.PaperId).OnDelete(DeleteBehavior.Cascade);
        paper.HasOne<OutboxMail>().WithMany().HasForeignKey(p => p.MailId).OnDelete(DeleteBehavior.Cascade);
    }
}
