using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using PaperFeed.Data;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Search;
using PaperFeed.Web.Hosting;
using PaperFeed.Web.Papers;

namespace PaperFeed.Web.Search;

public static partial class SearchApi
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

        var depth = request.Offset + request.Limit;
        var hits = await search.SearchAsync(request.Query, request.Mode, request.Filter, depth + 1, cancellationToken);
        var page = hits.Skip(request.Offset).Take(request.Limit).ToList();
        var papers = await db.Papers.FindManyAsync(page.Select(h => h.PaperId), cancellationToken);
        var highlighter = new SearchResultHighlighter(request.Query);
        var items = page
            .Where(h => papers.ContainsKey(h.PaperId))
            .Select(h => SearchItemDto.From(papers[h.PaperId], h, highlighter))
            .ToList();
        var next = hits.Count > depth && depth < MaxDepth ? SearchCursor.Encode(depth, request.Scope) : null;
        return TypedResults.Ok(new SearchPageDto(items, next, request.Mode.ToString().ToLowerInvariant()));
    }

    internal static ProblemHttpResult SemanticModelNotReady() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Semantic model not ready",
            detail: "No embedding model is active yet: the worker fits one once papers are ingested. Use mode=lexical or hybrid meanwhile.");

    /// <summary>A validated search request; <see cref="Validate"/> fills <c>errors</c> (parameter → messages) instead.</summary>
    private sealed record SearchRequest(string Query, SearchMode Mode, SearchFilter Filter, int Limit, int Offset, string Scope)
    {
        public static SearchRequest? Validate(
            string? q, string? mode, string? from, string? to, string? category, int? limit, string? cursor,
            Dictionary<string, string[]> errors)
        {
            var query = q?.Trim() ?? "";
            if (query.Length == 0)
            {
                errors["q"] = ["q is required: the words, question, phrase, arXiv id or title to search for."];
            }
            else if (query.Length > MaxQueryLength)
            {
                errors["q"] = [$"q is longer than {MaxQueryLength} characters."];
            }

            var searchMode = SearchMode.Hybrid;
            if (mode is not null && (!Enum.TryParse(mode, ignoreCase: true, out searchMode) || int.TryParse(mode, out _)))
            {
                errors["mode"] = ["mode must be hybrid, lexical or semantic."];
            }

            var fromDay = ParseDay(from, "from", errors);
            var toDay = ParseDay(to, "to", errors);
            if (fromDay > toDay)
            {
                errors["to"] = ["to must not be before from."];
            }

            if (category is not null && !CategoryPattern().IsMatch(category))
            {
                errors["category"] = ["category must look like cs.CL or hep-th (letters, '-', one optional '.' part)."];
            }

            var pageSize = limit ?? DefaultLimit;
            if (pageSize is < 1 or > MaxLimit)
            {
                errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
            }

            var filter = new SearchFilter(fromDay, toDay, category);
            var scope = SearchCursor.ScopeOf(query, searchMode, fromDay, toDay, category);
            var offset = 0;
            if (cursor is not null && !SearchCursor.TryDecode(cursor, scope, out offset))
            {
                errors["cursor"] = ["cursor is not a nextCursor this API issued for the same query and filters."];
            }
            else if (offset + pageSize > MaxDepth)
            {
                errors["cursor"] = [$"search results can be paged to a depth of {MaxDepth}; refine the query instead."];
            }

            return errors.Count == 0 ? new SearchRequest(query, searchMode, filter, pageSize, offset, scope) : null;
        }

        private static DateOnly? ParseDay(string? text, string name, Dictionary<string, string[]> errors)
        {
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day.Year is >= 1900 and <= 2999)
            {
                return day;
            }

            errors[name] = [$"{name} must be a date YYYY-MM-DD between 1900 and 2999."];
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z\-]{0,30}(\.[A-Za-z][A-Za-z\-]{0,30})?$")]
    private static partial Regex CategoryPattern();
}

/// <summary>A page of search results, best first; pass <c>nextCursor</c> as <c>cursor</c> for the next page.</summary>
/// <param name="Mode">The ranking that produced the page.</param>
public sealed record SearchPageDto(IReadOnlyList<SearchItemDto> Items, string? NextCursor, [property: Description("hybrid, lexical or semantic")] string Mode);
