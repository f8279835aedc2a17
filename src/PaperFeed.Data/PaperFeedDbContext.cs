using Microsoft.EntityFrameworkCore;
using PaperFeed.Data.Digests;
using PaperFeed.Data.Ingest;
using PaperFeed.Data.Embeddings;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Recommendations;
using PaperFeed.Data.Search;
using PaperFeed.Data.Votes;

namespace PaperFeed.Data;

/// <summary>The unit of work and the repository: features query it directly (no repository layer on top).</summary>
public sealed class PaperFeedDbContext(DbContextOptions<PaperFeedDbContext> options) : DbContext(options)
{
    public DbSet<Paper> Papers => Set<Paper>();

    public DbSet<IngestRun> IngestRuns => Set<IngestRun>();

    public DbSet<RejectedRecord> RejectedRecords => Set<RejectedRecord>();

    public DbSet<HarvestCheckpoint> HarvestCheckpoints => Set<HarvestCheckpoint>();

    public DbSet<PaperVote> PaperVotes => Set<PaperVote>();

    public DbSet<HiddenPaper> HiddenPapers => Set<HiddenPaper>();

    public DbSet<EmbeddingModel> EmbeddingModels => Set<EmbeddingModel>();

    public DbSet<PaperEmbedding> PaperEmbeddings => Set<PaperEmbedding>();

    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();

    public DbSet<SearchStatistics> SearchStatistics => Set<SearchStatistics>();

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    public DbSet<OutboxMail> MailOutbox => Set<OutboxMail>();

    public DbSet<DigestPaper> DigestPapers => Set<DigestPaper>();

    public DbSet<MailSigningKey> MailSigningKeys => Set<MailSigningKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaperFeedDbContext).Assembly);
    }
}
