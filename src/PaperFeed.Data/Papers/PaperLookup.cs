using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Papers;

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
    public static Task<Paper?> FindByAnyIdAsync(this DbSet<Paper> papers, string id, CancellationToken cancellationToken) =>
        papers.FindByIdOrArxivIdAsync(id, ArxivIdOf(id), cancellationToken);

    /// <summary>
    /// The paper whose PaperFeed id is <paramref name="id"/> or whose arXiv id is <paramref name="arxivId"/> (already
    /// parsed, without version): a paper first seen without its arXiv id keeps its <c>pf-</c> id after the id is learnt.
    /// </summary>
    public static Task<Paper?> FindByIdOrArxivIdAsync(this IQueryable<Paper> papers, string id, string? arxivId, CancellationToken cancellationToken) =>
        papers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id || (arxivId != null && p.ArxivId == arxivId), cancellationToken);

    /// <summary>Papers by PaperFeed or arXiv ids, keyed by the id as given; ids with no paper are absent.</summary>
    public static async Task<Dictionary<string, Paper>> FindByAnyIdsAsync(
        this DbSet<Paper> papers, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var given = ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, ArxivIdOf, StringComparer.Ordinal);
        var paperIds = given.Keys.ToList();
        var arxivIds = given.Values.OfType<string>().ToList();
        var found = await papers.AsNoTracking()
            .Where(p => paperIds.Contains(p.Id) || (p.ArxivId != null && arxivIds.Contains(p.ArxivId)))
            .ToListAsync(cancellationToken);

        var byId = new Dictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var (id, arxivId) in given)
        {
            if (found.FirstOrDefault(p => p.Id == id || (arxivId != null && p.ArxivId == arxivId)) is { } paper)
            {
                byId[id] = paper;
            }
        }

        return byId;
    }

    private static string? ArxivIdOf(string id) => ArxivId.TryParse(id, out var parsed) ? parsed.Id : null;
}
