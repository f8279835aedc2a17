using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PaperFeed.Core.FeedPeriods;
using PaperFeed.Core.Papers;
using PaperFeed.Data.Papers;

namespace PaperFeed.Data.Feed;

/// <summary>One page of a period's papers, and the nearest earlier and later periods of the same kind that have papers.</summary>
public sealed record FeedPage(
    FeedPeriod Period, IReadOnlyList<Paper> Items, FeedPosition? Next, FeedPeriod? PreviousPeriod, FeedPeriod? NextPeriod);

/// <summary>
/// The papers published in a day, week or month, most upvoted first (sources' upvotes plus local ones), then newest,
/// then by id: a total order, paged by keyset. Every query is a range of the <c>(published_at, id)</c> index; the
/// order by upvotes sorts the period's papers, which is a few thousand rows for the largest month.
/// </summary>
public static class FeedQuery
{
    // string.Compare is translated to SQL "<" (the column's collation), not run in .NET, so CA1309 does not apply.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1309", Justification = "Translated to SQL by EF Core")]
    public static async Task<FeedPage> FeedAsync(
        this PaperFeedDbContext db, FeedPeriod period, FeedPosition? after, int limit, CancellationToken cancellationToken)
    {
        var papers = db.Papers.AsNoTracking();
        var listed = papers.ListedIn(period.Kind);
        var (start, end) = (period.StartsAt, period.EndsAt);
        var query = listed.Where(p => p.PublishedAt >= start && p.PublishedAt < end);
        if (after is { TotalUpvotes: var total, PublishedAt: var publishedAt, Id: var id })
        {
            query = query.Where(p =>
                p.Upvotes + p.LocalUpvotes < total
                || (p.Upvotes + p.LocalUpvotes == total
                    && (p.PublishedAt < publishedAt || (p.PublishedAt == publishedAt && string.Compare(p.Id, id) < 0))));
        }

        // Rank on the narrow columns, then read whole rows for the page only: sorting a month's papers with their
        // abstracts costs several times more than sorting their keys.
        var page = InFeedOrder(query).Take(limit + 1).Select(p => p.Id);
        var items = await InFeedOrder(papers.Where(p => page.Contains(p.Id))).ToListAsync(cancellationToken);

        var last = items.Count > limit ? items[limit - 1] : null;
        var next = last is null ? null : new FeedPosition(last.Upvotes + last.LocalUpvotes, last.PublishedAt!.Value, last.Id);

        var (before, later) = await db.NeighboursAsync(period, cancellationToken);
        return new FeedPage(
            period,
            items.Take(limit).ToList(),
            next,
            before is { } b ? FeedPeriod.Containing(period.Kind, b) : null,
            later is { } l ? FeedPeriod.Containing(period.Kind, l) : null);
    }

    /// <summary>The latest period of the kind that has papers; null when no paper could be listed in one.</summary>
    public static async Task<FeedPeriod?> LatestPeriodAsync(
        this PaperFeedDbContext db, FeedPeriodKind kind, CancellationToken cancellationToken)
    {
        var afterLast = Midnight(FeedPeriod.MaxDay.AddDays(1));
        var latest = await db.Papers.ListedIn(kind).Where(p => p.PublishedAt < afterLast).MaxAsync(p => p.PublishedAt, cancellationToken);
        return latest is { } day ? FeedPeriod.Containing(kind, day) : null;
    }

    /// <summary>
    /// The latest publication before the period and the earliest after it, among papers the period's kind lists,
    /// in one round trip: each is one step along the <c>(published_at, id)</c> index. Only periods the API accepts
    /// as input count: a link to a period it would refuse is no use to a client.
    /// </summary>
    private static async Task<(DateTimeOffset? Before, DateTimeOffset? After)> NeighboursAsync(
        this PaperFeedDbContext db, FeedPeriod period, CancellationToken cancellationToken)
    {
        // Not input: the precisions come from FeedPeriod.Lists, the only values interpolated into the SQL text.
        var precisions = string.Join(", ", Enum.GetValues<DatePrecision>().Where(period.Lists).Select(p => (short)p));
        var sql = $"""
            SELECT
                (SELECT max(published_at) FROM papers
                 WHERE published_at < @start AND published_at >= @first AND date_precision IN ({precisions})) AS before,
                (SELECT min(published_at) FROM papers
                 WHERE published_at >= @end AND published_at < @after_last AND date_precision IN ({precisions})) AS after
            """;
        var neighbours = await db.Database.SqlQueryRaw<Neighbours>(
                sql,
                new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = period.StartsAt },
                new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = period.EndsAt },
                new NpgsqlParameter("first", NpgsqlDbType.TimestampTz) { Value = Midnight(FeedPeriod.MinDay) },
                new NpgsqlParameter("after_last", NpgsqlDbType.TimestampTz) { Value = Midnight(FeedPeriod.MaxDay.AddDays(1)) })
            .SingleAsync(cancellationToken);
        return (neighbours.Before, neighbours.After);
    }

    private static IOrderedQueryable<Paper> InFeedOrder(IQueryable<Paper> papers) =>
        papers.OrderByDescending(p => p.Upvotes + p.LocalUpvotes).ThenByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id);

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private sealed record Neighbours(DateTimeOffset? Before, DateTimeOffset? After);

    // The SQL form of FeedPeriod.Lists: a month-precision paper's stored day is a placeholder (see FeedPeriod).
    private static IQueryable<Paper> ListedIn(this IQueryable<Paper> papers, FeedPeriodKind kind) =>
        kind == FeedPeriodKind.Month
            ? papers.Where(p => p.DatePrecision == DatePrecision.Day || p.DatePrecision == DatePrecision.Month)
            : papers.Where(p => p.DatePrecision == DatePrecision.Day);
}
