using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using PaperFeed.Core.Digests;

namespace PaperFeed.Data.Digests;

/// <summary>Why a link's token was refused.</summary>
public enum TokenProblem
{
    /// <summary>Malformed, altered, signed for another purpose, or superseded (a confirmation link after an unsubscribe).</summary>
    Invalid,
    Expired,

    /// <summary>Genuine, but its subscriber is gone.</summary>
    NotFound,
}

/// <summary>The subscriber a token led to, or why it led nowhere.</summary>
public sealed record SubscriptionOutcome(Subscriber? Subscriber, TokenProblem? Problem)
{
    public static SubscriptionOutcome Of(Subscriber subscriber) => new(subscriber, null);

    public static SubscriptionOutcome Refused(TokenProblem problem) => new(null, problem);
}

/// <summary>
/// Subscribing (double opt-in), confirming, changing preferences and unsubscribing. Every change after the first
/// request needs a token from a mail (<see cref="SubscriptionLinks"/>), so only the address's owner can make it.
/// </summary>
public sealed class DigestSubscriptions(PaperFeedDbContext db, SubscriptionLinks links, MailComposer mails, TimeProvider clock)
{
    /// <summary>
    /// Takes a subscription request. Whatever the address's state, the caller answers the same: a new or pending
    /// address gets a confirmation mail (its preferences replaced by the request's), an active one a mail with the
    /// link to its preferences (which the request cannot change), an unsubscribed or suspended one starts over.
    /// </summary>
    public async Task RequestAsync(string address, string addressKey, DigestPreferences preferences, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.EmailKey == addressKey, ct);
        if (subscriber is null)
        {
            subscriber = new Subscriber { Email = address, EmailKey = addressKey, TimeZone = preferences.TimeZone, Status = SubscriberStatus.Pending, CreatedAt = now };
            Apply(subscriber, preferences);
            db.Subscribers.Add(subscriber);
            if (!await TrySaveNewAsync(ct))
            {
                // Another request for the same address won the insert: take that row as this one's.
                db.ChangeTracker.Clear();
                await RequestAsync(address, addressKey, preferences, ct);
                return;
            }
        }
        else if (subscriber.Status != SubscriberStatus.Active)
        {
            subscriber.Status = SubscriberStatus.Pending;
            subscriber.Email = address;
            Apply(subscriber, preferences);
        }

        db.MailOutbox.Add(subscriber.Status == SubscriberStatus.Active
            ? await mails.AlreadySubscribedAsync(subscriber, now, ct)
            : await mails.ConfirmationAsync(subscriber, now, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Activates a pending subscriber; confirming again changes nothing.</summary>
    public async Task<SubscriptionOutcome> ConfirmAsync(string? token, CancellationToken ct)
    {
        var verified = await links.VerifyAsync(token, TokenPurpose.Confirm, ct);
        if (verified is null)
        {
            return SubscriptionOutcome.Refused(TokenProblem.Invalid);
        }

        var now = clock.GetUtcNow();
        if (verified.IsExpired(now))
        {
            return SubscriptionOutcome.Refused(TokenProblem.Expired);
        }

        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == verified.SubscriberId, ct);
        if (subscriber is null)
        {
            return SubscriptionOutcome.Refused(TokenProblem.NotFound);
        }

        if (subscriber.Stamp != verified.Stamp || subscriber.Status is SubscriberStatus.Unsubscribed)
        {
            return SubscriptionOutcome.Refused(TokenProblem.Invalid);
        }

        if (subscriber.Status is SubscriberStatus.Pending or SubscriberStatus.Suspended)
        {
            subscriber.Status = SubscriberStatus.Active;
            subscriber.ConfirmedAt = now;
            subscriber.SuspendedAt = null;
            subscriber.ConsecutiveFailures = 0;
            subscriber.NextDigestAt = subscriber.Schedule().NextAfter(now);
            await db.SaveChangesAsync(ct);
        }

        return SubscriptionOutcome.Of(subscriber);
    }

    /// <summary>The subscriber a manage link names.</summary>
    public Task<SubscriptionOutcome> FindAsync(string? token, CancellationToken ct) => FindAsync(token, TokenPurpose.Manage, ct);

    /// <summary>Replaces the preferences; an active subscriber's next digest moves to the new schedule.</summary>
    public async Task<SubscriptionOutcome> UpdateAsync(string? token, DigestPreferences preferences, CancellationToken ct)
    {
        var found = await FindAsync(token, TokenPurpose.Manage, ct);
        if (found.Subscriber is { } subscriber)
        {
            Apply(subscriber, preferences);
            if (subscriber.Status == SubscriberStatus.Active)
            {
                subscriber.NextDigestAt = subscriber.Schedule().NextAfter(clock.GetUtcNow());
            }

            await db.SaveChangesAsync(ct);
        }

        return found;
    }

    /// <summary>
    /// Unsubscribes at once: no further digest, queued ones cancelled, older confirmation links void. Accepts a
    /// manage or an unsubscribe token; a second call changes nothing.
    /// </summary>
    public async Task<SubscriptionOutcome> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        var found = await FindAsync(token, TokenPurpose.Unsubscribe, ct);
        if (found.Problem == TokenProblem.Invalid)
        {
            found = await FindAsync(token, TokenPurpose.Manage, ct);
        }

        if (found.Subscriber is { Status: not SubscriberStatus.Unsubscribed } subscriber)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            subscriber.Status = SubscriberStatus.Unsubscribed;
            subscriber.UnsubscribedAt = clock.GetUtcNow();
            subscriber.NextDigestAt = null;
            subscriber.Stamp++;
            await db.SaveChangesAsync(ct);
            await db.MailOutbox
                .Where(m => m.SubscriberId == subscriber.Id && m.Status == MailStatus.Queued && m.Kind == MailKind.Digest)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, MailStatus.Cancelled), ct);
            await transaction.CommitAsync(ct);
        }

        return found;
    }

    private async Task<SubscriptionOutcome> FindAsync(string? token, TokenPurpose purpose, CancellationToken ct)
    {
        var verified = await links.VerifyAsync(token, purpose, ct);
        if (verified is null)
        {
            return SubscriptionOutcome.Refused(TokenProblem.Invalid);
        }

        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == verified.SubscriberId, ct);
        return subscriber is null ? SubscriptionOutcome.Refused(TokenProblem.NotFound) : SubscriptionOutcome.Of(subscriber);
    }

    private async Task<bool> TrySaveNewAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    private static void Apply(Subscriber subscriber, DigestPreferences preferences)
    {
        subscriber.Frequency = preferences.Frequency;
        subscriber.SendHour = preferences.SendHour;
        subscriber.TimeZone = preferences.TimeZone;
        subscriber.Interests = [.. preferences.Interests];
        subscriber.Papers = [.. preferences.Papers];
        subscriber.Categories = [.. preferences.Categories];
    }
}
