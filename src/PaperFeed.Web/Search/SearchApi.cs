using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PaperFeed.Data;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Search;
using PaperFeed.Web.Hosting;
using PaperFeed.Web.Papers;

namespace PaperFeed.Web.Search;

public static class SearchApi
{
    public const int MaxQueryLength = 500;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>How deep into a ranking paging may go: past it, results are noise and cost grows.</summary>
    public const int MaxDepth = 300;

    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").WithTags("Search")
            .RequireRateLimiting(RateLimitPolicies.Search)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .MapGet("/search", Search)
            .WithName("SearchPapers")
            .WithSummary("Search papers by words, by meaning, or both (hybrid, the default)")
            .WithDescription(
                "Ranked OR-matching: every word helps, none is required, so long natural-language questions work. " +
                "A query that is an arXiv id, a paper's exact title or contains a \"quoted phrase\" puts the papers it names first. " +
                "lexical = BM25F over title and abstract; semantic = nearest embeddings; hybrid = z-score fusion of both.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <param name="q">The query: words, a question, a "quoted phrase", an arXiv id or a title (at most 500 characters).</param>
    /// <param name="mode">hybrid (default), lexical or semantic.</param>
    /// <param name="from">Only papers published on or after this UTC day (YYYY-MM-DD).</param>
    /// <param name="to">Only papers published on or before this UTC day (YYYY-MM-DD).</param>
    /// <param name="category">Only papers in this category, such as cs.CL.</param>
    /// <param name="limit">Results per page, 1 to 100 (default 20).</param>
    /// <param name="cursor">The nextCursor of the previous page (same query).</param>
    public static async Task<Results<Ok<SearchPageDto>, ValidationProblem, ProblemHttpResult>> Search(
        PaperSearch search, PaperFeedDbContext db, string? q, string? mode, string? from, string? to, string? category,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var request = SearchRequest.Validate(q, mode, from, to, category, limit, cursor, errors);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid search request");
        }

        if (request.Mode == SearchMode.Semantic && !await search.IsSemanticReadyAsync(cancellationToken))
        {
            return SemanticModelNotReady();
        }

        var found = await SearchResults.RunAsync(search, db, request, cancellationToken);
        var highlighter = new SearchResultHighlighter(request.Query);
        var items = found.Items.Select(f => SearchItemDto.From(f.Paper, f.Hit, highlighter)).ToList();
        var next = found.NextOffset is { } offset ? SearchCursor.Encode(offset, request.Scope) : null;
        return TypedResults.Ok(new SearchPageDto(items, next, request.Mode.ToString().ToLowerInvariant()));
    }

    internal static ProblemHttpResult SemanticModelNotReady() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Semantic model not ready",
            detail: "No embedding model is active yet: the worker fits one once papers are ingested. Use mode=lexical or hybrid meanwhile.");
}

/// <summary>A page of search results, best first; pass <c>nextCursor</c> as <c>cursor</c> for the next page.</summary>
/// <param name="Mode">The ranking that produced the page.</param>
public sealed record SearchPageDto(IReadOnlyList<SearchItemDto> Items, string? NextCursor, [property: Description("hybrid, lexical or semantic")] string Mode);
