using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace PaperFeed.Data.Trending;

/// <summary>
/// Papers ranked by <see cref="Core.Trending.TrendingScore"/>, computed in PostgreSQL over the papers published in
/// a window before "now" (or over every dated paper: the global rolling ranking). Ties are broken by id, so the
/// order is total and offsets page through it without repeats. Shared by the REST API and the Hugging
/// Face-compatible API.
/// </summary>
public sealed class TrendingQuery(PaperFeedDbContext db, TimeProvider clock, IOptions<TrendingOptions> options)
{
    // The same expression as TrendingScore.Compute. Papers dated after "now" have no age yet and are left out.
    // Column names are Rank's properties in snake case (the model's naming convention applies to it too).
    private const string RankingSql = """
        SELECT id, age_hours, (upvotes + local_upvotes + 1) / power(age_hours + 2, @gravity) AS score
        FROM (
            SELECT id, upvotes, local_upvotes, extract(epoch FROM @as_of - published_at)::float8 / 3600 AS age_hours
            FROM papers
            WHERE published_at <= @as_of AND (@since::timestamptz IS NULL OR published_at >= @since)
        ) AS aged
        ORDER BY score DESC, id DESC
        OFFSET @offset LIMIT @limit
        """;

    public double Gravity => options.Value.Gravity;

    /// <summary>
    /// "Now" for ranking: the current minute. Scores then stay identical for a minute, so pages of one list agree
    /// and responses can be cached and revalidated.
    /// </summary>
    public DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    /// <param name="window">How far back publication may be; null for every dated paper.</param>
    public Task<IReadOnlyList<TrendingPaper>> ListAsync(TimeSpan? window, int offset, int limit, CancellationToken cancellationToken) =>
        ListAsync(window, Now(), offset, limit, cancellationToken);

    /// <summary>The ranking as of a fixed moment (the first page's, when paging with a cursor).</summary>
    /// <param name="window">Papers published at or after <c>asOf - window</c> and at or before <paramref name="asOf"/>; null for every paper published by then.</param>
    public async Task<IReadOnlyList<TrendingPaper>> ListAsync(
        TimeSpan? window, DateTimeOffset asOf, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var gravity = Gravity;
        var ranks = await db.Database.SqlQueryRaw<Rank>(
                RankingSql,
                new NpgsqlParameter("as_of", NpgsqlDbType.TimestampTz) { Value = asOf },
                new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = window is { } w ? asOf - w : DBNull.Value },
                new NpgsqlParameter("gravity", NpgsqlDbType.Double) { Value = gravity },
                new NpgsqlParameter("offset", NpgsqlDbType.Integer) { Value = offset },
                new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit })
            .ToListAsync(cancellationToken);
        if (ranks.Count == 0)
        {
            return [];
        }

        var ids = ranks.Select(r => r.Id).ToList();
        var papers = await db.Papers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        // A paper deleted between the two queries is skipped rather than shown half-known.
        return ranks
            .Where(r => papers.ContainsKey(r.Id))
            .Select(r => new TrendingPaper(papers[r.Id], r.AgeHours, gravity, r.Score))
            .ToList();
    }

    private sealed record Rank(string Id, double AgeHours, double Score);
}
