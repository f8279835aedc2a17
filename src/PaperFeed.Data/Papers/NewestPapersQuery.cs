using Microsoft.EntityFrameworkCore;

namespace PaperFeed.Data.Papers;

/// <summary>
/// Papers newest first, paged by keyset (published date, then id, both descending; undated papers last) so a
/// page costs the same whatever its depth, and papers added meanwhile neither repeat nor vanish.
/// </summary>
public static class NewestPapersQuery
{
    // string.Compare is translated to SQL "<" (the column's collation), not run in .NET, so CA1309 does not apply.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1309", Justification = "Translated to SQL by EF Core")]
    public static async Task<Page<Paper>> NewestAsync(
        this IQueryable<Paper> papers, PaperCursor? after, int limit, CancellationToken cancellationToken)
    {
        var query = papers.AsNoTracking();
        if (after is { PublishedAt: { } publishedAt, Id: var id })
        {
            query = query.Where(p =>
                p.PublishedAt < publishedAt
                || (p.PublishedAt == publishedAt && string.Compare(p.Id, id) < 0)
                || p.PublishedAt == null);
        }
        else if (after is { Id: var undatedId })
        {
            query = query.Where(p => p.PublishedAt == null && string.Compare(p.Id, undatedId) < 0);
        }

        var items = await query
            .OrderByDescending(p => p.PublishedAt.HasValue)
            .ThenByDescending(p => p.PublishedAt)
            .ThenByDescending(p => p.Id)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);

        var next = items.Count > limit ? new PaperCursor(items[limit - 1].PublishedAt, items[limit - 1].Id) : null;
        return new Page<Paper>(items.Take(limit).ToList(), next);
    }
}

/// <summary>A page of results and the cursor of the next page, if there is one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, PaperCursor? Next);
