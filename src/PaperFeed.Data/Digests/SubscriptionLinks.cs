using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaperFeed.Core.Digests;

namespace PaperFeed.Data.Digests;

/// <summary>
/// The signed links in mails, pointing at the site's pages: <c>/subscribe/confirm?token=</c>,
/// <c>/subscriptions/manage?token=</c> and <c>/unsubscribe?token=</c> (a POST there is the RFC 8058 one-click
/// unsubscribe). Signs with the installation's key (<see cref="MailSigningKey"/>), read once.
/// </summary>
public sealed class SubscriptionLinks(IDbContextFactory<PaperFeedDbContext> contexts, IOptions<PublicSiteOptions> site, IOptions<DigestOptions> digests)
{
    private byte[]? _key;

    public string SiteUrl => site.Value.Base + "/";

    /// <summary>A paper's page on this site: where a digest links a paper that has no URL of its own.</summary>
    public string PaperUrl(string paperId) => $"{site.Value.Base}/papers/{Uri.EscapeDataString(paperId)}";

    public async Task<string> ConfirmUrlAsync(Subscriber subscriber, DateTimeOffset now, CancellationToken ct) =>
        $"{site.Value.Base}/subscribe/confirm?token={await TokenAsync(TokenPurpose.Confirm, subscriber.Id, subscriber.Stamp, now + digests.Value.ConfirmationLinkLifetime, ct)}";

    public async Task<MailLinks> MailLinksAsync(long subscriberId, CancellationToken ct) => new(
        SiteUrl,
        $"{site.Value.Base}/subscriptions/manage?token={await TokenAsync(TokenPurpose.Manage, subscriberId, 0, null, ct)}",
        $"{site.Value.Base}/unsubscribe?token={await TokenAsync(TokenPurpose.Unsubscribe, subscriberId, 0, null, ct)}");

    public async Task<string> TokenAsync(TokenPurpose purpose, long subscriberId, int stamp, DateTimeOffset? expires, CancellationToken ct) =>
        new SubscriptionToken(purpose, subscriberId, stamp, expires).Sign(await KeyAsync(ct));

    /// <summary>The token's fields when it is genuine and signed for <paramref name="purpose"/>; null otherwise.</summary>
    public async Task<SubscriptionToken?> VerifyAsync(string? token, TokenPurpose purpose, CancellationToken ct) =>
        SubscriptionToken.Verify(token, await KeyAsync(ct)) is { } verified && verified.Purpose == purpose ? verified : null;

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        if (_key is null)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var stored = await db.MailSigningKeys.AsNoTracking().SingleAsync(k => k.Id == 1, ct);
            _key = stored.Key;
        }

        return _key;
    }
}
