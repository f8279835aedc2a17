using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace PaperFeed.Data.Digests;

/// <summary>A mail a sender claimed: what it needs to build and deliver the message.</summary>
public sealed record ClaimedMail(
    long Id, long SubscriberId, MailKind Kind, string MessageId, string Recipient, string Subject,
    string TextBody, string HtmlBody, string? UnsubscribeUrl, int Attempts, DateTimeOffset CreatedAt);

/// <summary>What became of a mail that could not be delivered now.</summary>
public enum FailureOutcome
{
    /// <summary>Queued again, for after the back-off.</summary>
    Retrying,

    /// <summary>Failed for good; the address may have been suspended.</summary>
    Failed,
}

/// <summary>
/// The senders' side of the outbox, in SQL. Delivery is at most once: a mail is marked Sending (committed) before it
/// is handed to the SMTP server, and no Sending mail is ever claimed again. A sender that dies after the server
/// accepted a mail and before recording it loses the record, never duplicates the mail (the mail becomes InDoubt
/// after <see cref="DigestOptions.SendingTimeout"/>). Several senders claim disjoint mails: <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
public sealed class MailOutbox(NpgsqlDataSource dataSource, IOptions<DigestOptions> options)
{
    // A digest goes out only while its subscriber is active: unsubscribing takes effect at once.
    private const string ClaimSql = """
        UPDATE mail_outbox m SET status = 'Sending', attempts = m.attempts + 1, claimed_at = @now
        WHERE m.id = (
            SELECT o.id FROM mail_outbox o
            WHERE o.status = 'Queued' AND o.next_attempt_at <= @now
              AND (o.kind <> 'Digest' OR EXISTS (SELECT 1 FROM subscribers s WHERE s.id = o.subscriber_id AND s.status = 'Active'))
            ORDER BY o.next_attempt_at, o.id
            LIMIT 1
            FOR UPDATE OF o SKIP LOCKED)
        RETURNING m.id, m.subscriber_id, m.kind, m.message_id, m.recipient, m.subject, m.text_body, m.html_body,
                  m.unsubscribe_url, m.attempts, m.created_at
        """;

    private const string SentSql = """
        UPDATE mail_outbox SET status = 'Sent', sent_at = @now, last_error = NULL WHERE id = @id;
        UPDATE subscribers SET consecutive_failures = 0 WHERE id = @subscriber_id AND consecutive_failures <> 0;
        """;

    private const string RetrySql = """
        UPDATE mail_outbox SET status = 'Queued', next_attempt_at = @next, last_error = @error WHERE id = @id
        """;

    // A failure counts against the address; enough of them in a row suspend it and cancel its queued digests.
    private const string FailSql = """
        UPDATE mail_outbox SET status = 'Failed', last_error = @error WHERE id = @id;
        UPDATE subscribers SET consecutive_failures = consecutive_failures + 1,
               status = CASE WHEN consecutive_failures + 1 >= @suspend_after AND status = 'Active' THEN 'Suspended' ELSE status END,
               suspended_at = CASE WHEN consecutive_failures + 1 >= @suspend_after AND status = 'Active' THEN @now ELSE suspended_at END,
               next_digest_at = CASE WHEN consecutive_failures + 1 >= @suspend_after AND status = 'Active' THEN NULL ELSE next_digest_at END
        WHERE id = @subscriber_id;
        UPDATE mail_outbox SET status = 'Cancelled'
        WHERE subscriber_id = @subscriber_id AND status = 'Queued' AND kind = 'Digest'
          AND (SELECT status FROM subscribers WHERE id = @subscriber_id) = 'Suspended';
        """;

    private const string InDoubtSql = "UPDATE mail_outbox SET status = 'InDoubt', last_error = @error WHERE id = @id";

    private const string StaleSql = """
        UPDATE mail_outbox SET status = 'InDoubt', last_error = 'the sender stopped while delivering it (not resent: at most once)'
        WHERE status = 'Sending' AND claimed_at < @before
        """;

    private DigestOptions Options => options.Value;

    /// <summary>The next mail due at <paramref name="now"/>, now marked Sending; null when none is.</summary>
    public async Task<ClaimedMail?> ClaimNextAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new ClaimedMail(
            reader.GetInt64(0), reader.GetInt64(1), Enum.Parse<MailKind>(reader.GetString(2)), reader.GetString(3), reader.GetString(4),
            reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.GetInt32(9), reader.GetFieldValue<DateTimeOffset>(10));
    }

    public Task MarkSentAsync(ClaimedMail mail, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(SentSql, ct, ("id", mail.Id), ("subscriber_id", mail.SubscriberId), ("now", now));

    /// <summary>A transient failure (4xx, no connection): queued again after an exponential back-off, or failed once out of attempts.</summary>
    public async Task<FailureOutcome> RetryLaterAsync(ClaimedMail mail, string error, DateTimeOffset now, CancellationToken ct)
    {
        if (mail.Attempts >= Options.MaxAttempts)
        {
            await FailAsync(mail, $"gave up after {mail.Attempts} attempts: {error}", now, ct);
            return FailureOutcome.Failed;
        }

        var delay = RetryDelay(mail.Attempts);
        await ExecuteAsync(RetrySql, ct, ("id", mail.Id), ("next", now + delay), ("error", Shorten(error)));
        return FailureOutcome.Retrying;
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failed attempt: base × 2^(attempts-1), capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(attempts - 1, 0), 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(Options.RetryBaseDelay.Ticks * factor, Options.RetryMaxDelay.Ticks));
        return delay;
    }

    /// <summary>A permanent failure (5xx): recorded, counted against the address.</summary>
    public Task FailAsync(ClaimedMail mail, string error, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(FailSql, ct, ("id", mail.Id), ("subscriber_id", mail.SubscriberId), ("error", Shorten(error)),
            ("suspend_after", Options.SuspendAfterFailures), ("now", now));

    /// <summary>Delivery broke off after the message was handed over: it may have arrived, so it is not sent again.</summary>
    public Task MarkInDoubtAsync(ClaimedMail mail, string error, CancellationToken ct) =>
        ExecuteAsync(InDoubtSql, ct, ("id", mail.Id), ("error", Shorten(error)));

    /// <summary>Mails left Sending by a sender that died: InDoubt, never resent. Returns how many.</summary>
    public async Task<int> ExpireAbandonedAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(StaleSql);
        command.Parameters.Add(new NpgsqlParameter("before", NpgsqlDbType.TimestampTz) { Value = now - Options.SendingTimeout });
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is DateTimeOffset
                ? new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = value }
                : new NpgsqlParameter(name, value));
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Shorten(string error) => error.Length <= 1000 ? error : error[..1000];
}
