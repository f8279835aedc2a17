using Microsoft.EntityFrameworkCore;
using PaperFeed.Data.Papers;

namespace PaperFeed.Data.HuggingFace;

/// <summary>
/// The queries behind the Hugging Face-compatible papers API. Every paper takes part, with an arXiv id or without
/// (papers from the daily-papers pages or the ACL Anthology have none), as on PaperFeed's own feed.
/// </summary>
public static class DailyPapersQuery
{
    /// <summary>
    /// The latest UTC publication day of a paper, not after <paramref name="today"/> (a source's future
    /// date must not hide today's list); null when there is none.
    /// </summary>
    public static async Task<DateOnly?> LatestDailyListDayAsync(this IQueryable<Paper> papers, DateOnly today, CancellationToken cancellationToken)
    {
        var listed = papers.AsNoTracking().Where(p => p.PublishedAt != null);
        if (DailyListDays.OfDay(today).End is { } end)
        {
            listed = listed.Where(p => p.PublishedAt < end);
        }

        var latest = await listed.MaxAsync(p => p.PublishedAt, cancellationToken);
        return latest is { } instant ? DateOnly.FromDateTime(instant.UtcDateTime) : null;
    }

    /// <summary>
    /// One page of the daily lists of <paramref name="days"/>: most upvoted first (source upvotes plus votes cast
    /// here), then newest, then by id so that pages never overlap. <paramref name="offset"/> past the end gives an
    /// empty page.
    /// </summary>
    public static async Task<List<Paper>> DailyListAsync(
        this IQueryable<Paper> papers, DailyListDays days, long offset, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (offset > int.MaxValue - count)
        {
            return [];
        }

        var start = days.Start;
        var listed = papers.AsNoTracking().Where(p => p.PublishedAt >= start);
        if (days.End is { } end)
        {
            listed = listed.Where(p => p.PublishedAt < end);
        }

        return await listed
            .OrderByDescending(p => p.Upvotes + p.LocalUpvotes)
            .ThenByDescending(p => p.PublishedAt)
            .ThenBy(p => p.Id)
            .Skip((int)offset)
            .Take(count)
            .ToListAsync(cancellationToken);
    }
}
