using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaperFeed.Data.Digests;

/// <summary>
/// The key that signs the links in mails (<see cref="Core.Digests.SubscriptionToken"/>). One row, made of random
/// bytes by the migration, so that the web app and the worker share it with nothing to configure.
/// </summary>
public sealed class MailSigningKey
{
    public int Id { get; set; }

    public required byte[] Key { get; set; }
}

internal sealed class MailSigningKeyConfiguration : IEntityTypeConfiguration<MailSigningKey>
{
    public void Configure(EntityTypeBuilder<MailSigningKey> key)
    {
        key.ToTable("mail_signing_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).ValueGeneratedNever();
    }
}
