using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PaperFeed.Data;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Search;
using PaperFeed.Web.Hosting;
using PaperFeed.Web.Search;

namespace PaperFeed.Web.Recommendations;

public static class RecommendationsApi
{
    public const int DefaultSimilarLimit = 10;
    public const int MaxSimilarLimit = 50;
    public const int MaxExamples = 50;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private const int MaxIdLength = 64;
    private const long MaxBodyBytes = 16 * 1024;

    public static void MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Recommendations")
            .RequireRateLimiting(RateLimitPolicies.Search)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/papers/{id}/similar", Similar)
            .WithName("SimilarPapers")
            .WithSummary("Papers nearest in content to one paper")
            .WithDescription("Fuses BM25F with the paper's own text as the query and the nearest embeddings. Never returns the paper itself or a duplicate of it (same title or same abstract).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/recommendations", Recommend)
            .WithName("RecommendPapers")
            .WithSummary("Papers like the positive examples and unlike the negative ones")
            .WithDescription("Moves from the mean embedding of the positives away from the mean of the negatives (Rocchio). Input papers are never returned. Needs the semantic model.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <param name="id">A PaperFeed id or an arXiv id.</param>
    /// <param name="limit">How many, 1 to 50 (default 10).</param>
    public static async Task<Results<Ok<ScoredPaperListDto>, ValidationProblem, ProblemHttpResult>> Similar(
        PaperSearch search, PaperFeedDbContext db, string id, int? limit, CancellationToken cancellationToken)
    {
        var count = limit ?? DefaultSimilarLimit;
        var errors = new Dictionary<string, string[]>();
        if (id.Length > MaxIdLength)
        {
            errors["id"] = [$"id is longer than {MaxIdLength} characters."];
        }

        if (count is < 1 or > MaxSimilarLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxSimilarLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid request");
        }

        var anchor = await db.Papers.FindByAnyIdAsync(id, cancellationToken);
        if (anchor is null)
        {
            return NotFound($"No paper has the id '{id}'.");
        }

        var similar = await SimilarPapers.FindAsync(search, db, anchor, count, cancellationToken);
        return TypedResults.Ok(new ScoredPaperListDto(similar.Select(s => ScoredPaperDto.From(s.Paper, s.Score)).ToList()));
    }

    public static async Task<Results<Ok<ScoredPaperListDto>, ValidationProblem, ProblemHttpResult>> Recommend(
        PaperSearch search, PaperFeedDbContext db, RecommendationRequestDto request, CancellationToken cancellationToken)
    {
        var positive = request.Positive ?? [];
        var negative = request.Negative ?? [];
        var count = request.Limit ?? DefaultLimit;
        var errors = Validate(positive, negative, count);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid recommendation request");
        }

        var examples = await db.Papers.FindByAnyIdsAsync(positive.Concat(negative), cancellationToken);
        var unknown = positive.Concat(negative).Where(i => !examples.ContainsKey(i)).ToList();
        if (unknown.Count > 0)
        {
            return NotFound($"No paper has the id {string.Join(", ", unknown.Select(i => $"'{i}'"))}.");
        }

        if (!await search.IsSemanticReadyAsync(cancellationToken))
        {
            return SearchApi.SemanticModelNotReady();
        }

        var hits = await search.RecommendAsync(
            positive.Select(i => examples[i].Id).ToList(), negative.Select(i => examples[i].Id).ToList(), count, cancellationToken);
        var papers = await db.Papers.FindManyAsync(hits.Select(h => h.PaperId), cancellationToken);
        var items = hits.Where(h => papers.ContainsKey(h.PaperId)).Select(h => ScoredPaperDto.From(papers[h.PaperId], h.Score)).ToList();
        return TypedResults.Ok(new ScoredPaperListDto(items));
    }

    private static Dictionary<string, string[]> Validate(IReadOnlyList<string> positive, IReadOnlyList<string> negative, int count)
    {
        var errors = new Dictionary<string, string[]>();
        if (positive.Count is < 1 or > MaxExamples)
        {
            errors["positive"] = [$"positive must list 1 to {MaxExamples} paper ids."];
        }

        if (negative.Count > MaxExamples)
        {
            errors["negative"] = [$"negative may list at most {MaxExamples} paper ids."];
        }

        var bad = positive.Concat(negative).Where(i => string.IsNullOrWhiteSpace(i) || i.Length > MaxIdLength).ToList();
        if (bad.Count > 0)
        {
            errors["ids"] = [$"paper ids must be 1 to {MaxIdLength} characters."];
        }

        if (positive.Intersect(negative, StringComparer.Ordinal).Any())
        {
            errors["negative"] = ["a paper cannot be both positive and negative."];
        }

        if (count is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        return errors;
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Paper not found", detail: detail);
}
