using PaperFeed.Data;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Search;

namespace PaperFeed.Web.Recommendations;

/// <summary>A paper and how close it is to what was asked for (higher is closer; the scale is the ranking's own).</summary>
public sealed record ScoredPaper(Paper Paper, double Score);

/// <summary>The papers nearest in content to one paper, without duplicates of it: for the REST API and the paper page.</summary>
public static class SimilarPapers
{
    public static async Task<IReadOnlyList<ScoredPaper>> FindAsync(
        PaperSearch search, PaperFeedDbContext db, Paper anchor, int count, CancellationToken cancellationToken)
    {
        var hits = await search.SimilarAsync(anchor.Id, count, cancellationToken);
        var papers = await db.Papers.FindManyAsync(hits.Select(h => h.PaperId), cancellationToken);
        return hits
            .Where(h => papers.TryGetValue(h.PaperId, out var paper) && !PaperDuplicates.AreDuplicates(anchor, paper))
            .Take(count)
            .Select(h => new ScoredPaper(papers[h.PaperId], h.Score))
            .ToList();
    }
}
