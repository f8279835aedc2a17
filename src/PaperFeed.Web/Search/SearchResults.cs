using PaperFeed.Data;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Search;

namespace PaperFeed.Web.Search;

/// <summary>A paper a search found, and the hit that found it.</summary>
public sealed record FoundPaper(Paper Paper, SearchHit Hit);

/// <summary>One page of a search; <see cref="NextOffset"/> is where the next page starts, null on the last one.</summary>
public sealed record SearchResultPage(IReadOnlyList<FoundPaper> Items, int? NextOffset);

/// <summary>Runs a validated search and reads its page of papers: shared by the REST API, the search page and its Atom feed.</summary>
public static class SearchResults
{
    public static async Task<SearchResultPage> RunAsync(
        PaperSearch search, PaperFeedDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        var depth = request.Offset + request.Limit;
        var hits = await search.SearchAsync(request.Query, request.Mode, request.Filter, depth + 1, cancellationToken);
        var page = hits.Skip(request.Offset).Take(request.Limit).ToList();
        var papers = await db.Papers.FindManyAsync(page.Select(h => h.PaperId), cancellationToken);
        var items = page.Where(h => papers.ContainsKey(h.PaperId)).Select(h => new FoundPaper(papers[h.PaperId], h)).ToList();
        return new SearchResultPage(items, hits.Count > depth && depth < SearchApi.MaxDepth ? depth : null);
    }
}
