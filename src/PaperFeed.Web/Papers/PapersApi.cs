using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PaperFeed.Data;
using PaperFeed.Data.Papers;
using PaperFeed.Web.Caching;
using PaperFeed.Web.Hosting;

namespace PaperFeed.Web.Papers;

public static class PapersApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static void MapPapersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/papers").WithTags("Papers");

        api.MapGet("/", ListPapers)
            .WithName("ListPapers")
            .WithSummary("All papers, newest first")
            .WithDescription("Paged with an opaque cursor: pass the response's nextCursor to get the next page.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/{id}", GetPaper)
            .WithName("GetPaper")
            .WithSummary("One paper by its PaperFeed id or its arXiv id")
            .WithDescription("Answers with an ETag and Cache-Control (5 minutes); If-None-Match with the ETag gets 304.")
            .WithConditionalGet(TimeSpan.FromMinutes(5))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="limit">Papers per page, 1 to 100 (default 20).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<PaperPageDto>, ProblemHttpResult>> ListPapers(
        PaperFeedDbContext db, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var pageSize = limit ?? DefaultLimit;
        if (pageSize is < 1 or > MaxLimit)
        {
            return BadRequest($"limit must be between 1 and {MaxLimit}.");
        }

        PaperCursor? after = null;
        if (cursor is not null && !PaperCursor.TryDecode(cursor, out after))
        {
            return BadRequest("cursor is not a cursor this API issued; pass nextCursor from a previous page.");
        }

        var page = await db.Papers.NewestAsync(after, pageSize, cancellationToken);
        return TypedResults.Ok(new PaperPageDto(page.Items.Select(p => p.ToDto()).ToList(), page.Next?.Encode()));
    }

    /// <param name="id">A PaperFeed id (as in the papers list) or an arXiv id such as 2310.06825.</param>
    public static async Task<Results<Ok<PaperDto>, ProblemHttpResult>> GetPaper(
        PaperFeedDbContext db, string id, CancellationToken cancellationToken)
    {
        if (PaperIdSyntax.ProblemWith(id) is { } problem)
        {
            return ApiProblems.InvalidParameter("id", problem);
        }

        var paper = await db.Papers.FindByAnyIdAsync(id, cancellationToken);
        return paper is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Paper not found", detail: $"No paper has the id '{id}'.")
            : TypedResults.Ok(paper.ToDto());
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail);
}
