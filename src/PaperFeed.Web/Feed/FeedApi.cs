using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using PaperFeed.Core.FeedPeriods;
using PaperFeed.Data;
using PaperFeed.Data.Feed;
using PaperFeed.Web.Caching;
using PaperFeed.Web.Hosting;
using PaperFeed.Web.Papers;

namespace PaperFeed.Web.Feed;

public static class FeedApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static void MapFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/feed").WithTags("Feed")
            .MapGet("/", GetFeed)
            .WithName("GetFeed")
            .WithSummary("The papers of a day, ISO week or month, most upvoted first")
            .WithDescription(
                "Give at most one of date (YYYY-MM-DD, a UTC day), week (YYYY-Www, ISO 8601: Monday to Sunday) and " +
                "month (YYYY-MM); none gives the latest day that has papers. Papers are ordered by total upvotes " +
                "(sources' plus local), then newest, then id. Papers whose sources gave only a month belong to that " +
                "month's feed but to no day or week; papers known only by year belong to none. previous and next " +
                "are the nearest periods of the same kind that have papers. Paged with an opaque cursor, which " +
                "remembers its period. Answers carry an ETag and Cache-Control (60 s).")
            .WithConditionalGet(TimeSpan.FromSeconds(60))
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <param name="date" example="2025-03-04">A UTC day, YYYY-MM-DD (1900-01-01 to 2999-12-31).</param>
    /// <param name="week" example="2025-W10">An ISO 8601 week, YYYY-Www (W53 only in years that have one).</param>
    /// <param name="month" example="2025-03">A calendar month, YYYY-MM.</param>
    /// <param name="limit" example="20">Papers per page, 1 to 100 (default 20).</param>
    /// <param name="cursor">The nextCursor of the previous page; it remembers its period, so date, week and month may be left out (if given, they must name the same period).</param>
    public static async Task<Results<Ok<FeedPageDto>, ProblemHttpResult>> GetFeed(
        PaperFeedDbContext db, TimeProvider clock,
        string? date, string? week, string? month, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var pageSize = limit ?? DefaultLimit;
        if (ApiProblems.InvalidLimit(pageSize, MaxLimit) is { } badLimit)
        {
            return badLimit;
        }

        if (!TryReadPeriod(date, week, month, out var requested, out var problem))
        {
            return problem;
        }

        FeedPosition? after = null;
        if (cursor is not null)
        {
            if (!FeedCursor.TryDecode(cursor, out var cursorPeriod, out after))
            {
                return ApiProblems.InvalidParameter("cursor", "cursor is not a cursor this feed issued; pass nextCursor from a previous page.");
            }

            if (requested is { } named && named != cursorPeriod)
            {
                return ApiProblems.InvalidParameter("cursor", $"cursor belongs to the feed of {cursorPeriod.Key}, not of {named.Key}.");
            }

            requested = cursorPeriod;
        }

        var period = requested
            ?? await db.LatestPeriodAsync(FeedPeriodKind.Day, cancellationToken)
            ?? FeedPeriod.Containing(FeedPeriodKind.Day, clock.GetUtcNow());
        var page = await db.FeedAsync(period, after, pageSize, cancellationToken);
        return TypedResults.Ok(new FeedPageDto(
            period.ToDto(),
            page.PreviousPeriod?.ToDto(),
            page.NextPeriod?.ToDto(),
            page.Items.Select(p => p.ToDto()).ToList(),
            page.Next is { } next ? FeedCursor.Encode(period, next) : null));
    }

    private static bool TryReadPeriod(
        string? date, string? week, string? month, out FeedPeriod? period, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        period = null;
        problem = null;
        var given = new[] { ("date", date), ("week", week), ("month", month) }.Where(p => p.Item2 is not null).ToList();
        if (given.Count > 1)
        {
            problem = ApiProblems.InvalidParameter(
                string.Join(",", given.Select(p => p.Item1)), "Give at most one of date, week and month.");
            return false;
        }

        if (given is not [var (name, text)])
        {
            return true;
        }

        if (!FeedPeriodParser.TryParse(FeedPeriodLinks.KindOf(name)!.Value, text!, out var parsed, out var error))
        {
            problem = ApiProblems.InvalidParameter(name, error);
            return false;
        }

        period = parsed;
        return true;
    }
}
