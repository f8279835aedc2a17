using Microsoft.AspNetCore.Http.HttpResults;
using PaperFeed.Core.Trending;
using PaperFeed.Data.Trending;
using PaperFeed.Web.Caching;
using PaperFeed.Web.Hosting;

namespace PaperFeed.Web.Trending;

public static class TrendingApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const string DefaultWindow = "week";

    public static void MapTrendingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/trending").WithTags("Trending")
            .MapGet("/", GetTrending)
            .WithName("GetTrending")
            .WithSummary("Papers gaining upvotes fastest, Hacker News style")
            .WithDescription(
                "Papers published within the window before now, ranked by score = (upvotes + localUpvotes + 1) / " +
                "(ageHours + 2) ^ gravity (gravity 1.8 unless configured). The +1 lets papers without votes rank " +
                "newest first instead of tying at zero; the +2 keeps a paper published a moment ago from dividing by " +
                "an age near zero. Scores are computed as of the current minute, and a cursor keeps its first page's " +
                "moment, so pages agree. Answers carry an ETag and Cache-Control (60 s).")
            .WithConditionalGet(TimeSpan.FromSeconds(60))
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <param name="window" example="week">day (the last 24 hours), week (7 days, the default) or month (30 days).</param>
    /// <param name="limit" example="20">Papers per page, 1 to 100 (default 20).</param>
    /// <param name="cursor">The nextCursor of the previous page; it remembers its window.</param>
    public static async Task<Results<Ok<TrendingPageDto>, ProblemHttpResult>> GetTrending(
        TrendingQuery trending, string? window, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var pageSize = limit ?? DefaultLimit;
        if (ApiProblems.InvalidLimit(pageSize, MaxLimit) is { } badLimit)
        {
            return badLimit;
        }

        if (window is not null && !TrendingWindow.ByName.ContainsKey(window))
        {
            return ApiProblems.InvalidParameter("window", $"window must be one of {string.Join(", ", TrendingWindow.ByName.Keys)}.");
        }

        var position = new TrendingCursor(window ?? DefaultWindow, trending.Now(), 0);
        if (cursor is not null)
        {
            if (!TrendingCursor.TryDecode(cursor, out var decoded))
            {
                return ApiProblems.InvalidParameter("cursor", "cursor is not a cursor this list issued; pass nextCursor from a previous page.");
            }

            if (window is not null && window != decoded.Window)
            {
                return ApiProblems.InvalidParameter("cursor", $"cursor belongs to the {decoded.Window} window, not to {window}.");
            }

            position = decoded;
        }

        var papers = await trending.ListAsync(
            TrendingWindow.ByName[position.Window], position.AsOf, position.Offset, pageSize + 1, cancellationToken);
        var next = papers.Count > pageSize ? position with { Offset = position.Offset + pageSize } : null;
        return TypedResults.Ok(new TrendingPageDto(
            position.Window,
            position.AsOf,
            papers.Take(pageSize).Select(p => p.ToDto()).ToList(),
            next?.Encode()));
    }
}
