using Microsoft.EntityFrameworkCore;

namespace PaperFeed.Data.Papers;

public static class PaperLookup
{
    /// <summary>The papers with these ids, by id (ids with no paper are absent): one query for a page of results.</summary>
    public static async Task<Dictionary<string, Paper>> FindManyAsync(
        this DbSet<Paper> papers, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        return await papers.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>A paper by its PaperFeed id or its arXiv id (any style, with or without version).</summary>
    public static Task<Paper?> FindByAnyIdAsync(this DbSet<Paper> papers, string id, CancellationToken cancellationToken)
    {
        var arxivId = Core.Papers.ArxivId.TryParse(id, out var parsed) ? parsed.Id : null;
        return papers.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == id || (arxivId != null && p.ArxivId == arxivId), cancellationToken);
    }

    /// <summary>Papers by PaperFeed or arXiv ids, keyed by the id as given.</summary>
    public static async Task<Dictionary<string, Paper>> FindByAnyIdsAsync(
        this DbSet<Paper> papers, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var given = ids.Distinct(StringComparer.Ordinal).ToList();
        var arxivIds = given.Select(i => Core.Papers.ArxivId.TryParse(i, out var parsed) ? parsed.Id : null).OfType<string>().ToList();
        var found = await papers.AsNoTracking()
            .Where(p => given.Contains(p.Id) || (p.ArxivId != null && arxivIds.Contains(p.ArxivId)))
            .ToListAsync(cancellationToken);
        var byId = new Dictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var id in given)
        {
            var arxivId = Core.Papers.ArxivId.TryParse(id, out var parsed) ? parsed.Id : null;
            if (found.FirstOrDefault(p => p.Id == id || (arxivId != null && p.ArxivId == arxivId)) is { } paper)
            {
                byId[id] = paper;
            }
        }

        return byId;
    }
}
