using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using PaperFeed.Core.Digests;

namespace PaperFeed.Data.Digests;

/// <summary>What one pass of queueing did.</summary>
/// <param name="Composed">Digests written to the outbox.</param>
/// <param name="AlreadyQueued">Digests of a period that already had one (another worker, or an earlier run): not written again.</param>
/// <param name="Empty">Subscribers due with nothing new to send: no mail.</param>
public sealed record DigestQueueCounts(int Composed, int AlreadyQueued, int Empty);

/// <summary>
/// Composes the digests that are due and writes them to the outbox, a batch of subscribers per transaction. Each
/// due subscriber gets the digest of their latest slot (a worker that was down does not send a backlog); the
/// outbox's unique (subscriber, period) makes a second queueing of a period a no-op, so several workers, or a run
/// after a crash, never create a second digest.
/// </summary>
public sealed class DueDigests(
    PaperFeedDbContext db, NpgsqlDataSource dataSource, DigestComposer composer, MailComposer mails,
    SubscriptionLinks links, IOptions<DigestOptions> options)
{
    private const string InsertMailsSql = """
        INSERT INTO mail_outbox (subscriber_id, kind, dedupe_key, message_id, recipient, subject, text_body, html_body,
                                 unsubscribe_url, status, attempts, next_attempt_at, created_at)
        SELECT subscriber_id, 'Digest', dedupe_key, message_id, recipient, subject, text_body, html_body,
               unsubscribe_url, 'Queued', 0, @now, @now
        FROM unnest(@subscriber_ids, @dedupe_keys, @message_ids, @recipients, @subjects, @text_bodies, @html_bodies, @unsubscribe_urls)
             AS m(subscriber_id, dedupe_key, message_id, recipient, subject, text_body, html_body, unsubscribe_url)
        ON CONFLICT DO NOTHING
        RETURNING id, subscriber_id
        """;

    private const string InsertPapersSql = """
        INSERT INTO digest_papers (subscriber_id, paper_id, mail_id)
        SELECT * FROM unnest(@subscriber_ids, @paper_ids, @mail_ids)
        ON CONFLICT DO NOTHING
        """;

    // Only an active subscriber moves on; one who unsubscribed meanwhile keeps no schedule.
    private const string AdvanceSql = """
        UPDATE subscribers s SET next_digest_at = n.next_digest_at
        FROM unnest(@ids, @next) AS n(id, next_digest_at)
        WHERE s.id = n.id AND s.status = 'Active'
        """;

    public async Task<DigestQueueCounts> QueueAsync(DateTimeOffset now, Func<string, string> paperUrl, CancellationToken ct)
    {
        var total = new DigestQueueCounts(0, 0, 0);
        long after = 0;
        while (true)
        {
            var due = await db.Subscribers.AsNoTracking()
                .Where(s => s.Status == SubscriberStatus.Active && s.NextDigestAt <= now && s.Id > after)
                .OrderBy(s => s.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return total;
            }

            var counts = await QueueBatchAsync(due, now, paperUrl, ct);
            total = new DigestQueueCounts(total.Composed + counts.Composed, total.AlreadyQueued + counts.AlreadyQueued, total.Empty + counts.Empty);
            after = due[^1].Id;
        }
    }

    private async Task<DigestQueueCounts> QueueBatchAsync(List<Subscriber> due, DateTimeOffset now, Func<string, string> paperUrl, CancellationToken ct)
    {
        var ids = due.Select(s => s.Id).ToList();
        var sent = (await db.DigestPapers.AsNoTracking().Where(p => ids.Contains(p.SubscriberId)).Select(p => new { p.SubscriberId, p.PaperId }).ToListAsync(ct))
            .ToLookup(p => p.SubscriberId, p => p.PaperId);
        var digests = new List<(OutboxMail Mail, DigestContent Content)>();
        foreach (var subscriber in due)
        {
            var slot = subscriber.Schedule().LatestAtOrBefore(now);
            var content = await composer.ComposeAsync(subscriber, slot, sent[subscriber.Id].ToHashSet(StringComparer.Ordinal), paperUrl, ct);
            if (!content.IsEmpty)
            {
                digests.Add((mails.Digest(subscriber, slot, content, await links.MailLinksAsync(subscriber.Id, ct), now), content));
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var inserted = await InsertMailsAsync(connection, transaction, digests.Select(d => d.Mail).ToList(), now, ct);
        await InsertPapersAsync(connection, transaction, digests, inserted, ct);
        await AdvanceAsync(connection, transaction, due, now, ct);
        await transaction.CommitAsync(ct);
        return new DigestQueueCounts(inserted.Count, digests.Count - inserted.Count, due.Count - digests.Count);
    }

    private static async Task<Dictionary<long, long>> InsertMailsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<OutboxMail> mails, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(InsertMailsSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        command.Parameters.Add(new NpgsqlParameter("subscriber_ids", mails.Select(m => m.SubscriberId).ToArray()));
        command.Parameters.Add(Texts("dedupe_keys", mails.Select(m => m.DedupeKey)));
        command.Parameters.Add(Texts("message_ids", mails.Select(m => m.MessageId)));
        command.Parameters.Add(Texts("recipients", mails.Select(m => m.Recipient)));
        command.Parameters.Add(Texts("subjects", mails.Select(m => m.Subject)));
        command.Parameters.Add(Texts("text_bodies", mails.Select(m => m.TextBody)));
        command.Parameters.Add(Texts("html_bodies", mails.Select(m => m.HtmlBody)));
        command.Parameters.Add(Texts("unsubscribe_urls", mails.Select(m => m.UnsubscribeUrl)));
        var inserted = new Dictionary<long, long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted[reader.GetInt64(1)] = reader.GetInt64(0);
        }

        return inserted;
    }

    private static async Task InsertPapersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<(OutboxMail Mail, DigestContent Content)> digests,
        Dictionary<long, long> inserted, CancellationToken ct)
    {
        var rows = digests
            .Where(d => inserted.ContainsKey(d.Mail.SubscriberId))
            .SelectMany(d => d.Content.All.Select(item => (d.Mail.SubscriberId, item.PaperId, MailId: inserted[d.Mail.SubscriberId])))
            .ToList();
        await using var command = new NpgsqlCommand(InsertPapersSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("subscriber_ids", rows.Select(r => r.SubscriberId).ToArray()));
        command.Parameters.Add(Texts("paper_ids", rows.Select(r => r.PaperId)));
        command.Parameters.Add(new NpgsqlParameter("mail_ids", rows.Select(r => r.MailId).ToArray()));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task AdvanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Subscriber> due, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(AdvanceSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("ids", due.Select(s => s.Id).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = due.Select(s => s.Schedule().NextAfter(now)).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}
