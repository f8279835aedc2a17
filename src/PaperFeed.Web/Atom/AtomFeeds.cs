using Microsoft.AspNetCore.Http.HttpResults;
using PaperFeed.Core.FeedPeriods;
using PaperFeed.Core.Trending;
using PaperFeed.Data;
using PaperFeed.Data.Feed;
using PaperFeed.Data.Search;
using PaperFeed.Data.Trending;
using PaperFeed.Web.Feed;
using PaperFeed.Web.Hosting;
using PaperFeed.Web.Search;
using PaperFeed.Web.Trending;

namespace PaperFeed.Web.Atom;

/// <summary>
/// The site's Atom feeds, for feed readers: the latest day's papers, the trending list and any search (a saved
/// search). Each page advertises its feed with <c>&lt;link rel="alternate"&gt;</c>.
/// </summary>
public static class AtomFeeds
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const int MaxEntries = 50;

    public static void MapAtomFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("").WithTags("Atom feeds");
        feeds.MapGet("/feed.atom", Daily).WithName("DailyAtomFeed").WithSummary("The latest day's papers as an Atom feed").Produces(200, contentType: "application/atom+xml");
        feeds.MapGet("/trending.atom", Trending).WithName("TrendingAtomFeed").WithSummary("Trending papers as an Atom feed (window day, week or month)")
            .Produces(200, contentType: "application/atom+xml").ProducesProblem(400);
        feeds.MapGet("/search.atom", Search).WithName("SearchAtomFeed").WithSummary("A saved search as an Atom feed (the parameters of /api/v1/search)")
            .Produces(200, contentType: "application/atom+xml").ProducesValidationProblem().ProducesProblem(503);
    }

    public static async Task<FileContentHttpResult> Daily(HttpContext context, PaperFeedDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var period = await db.LatestPeriodAsync(FeedPeriodKind.Day, cancellationToken) ?? FeedPeriod.Containing(FeedPeriodKind.Day, clock.GetUtcNow());
        var page = await db.FeedAsync(period, null, MaxEntries, cancellationToken);
        var site = SiteUrl(context.Request);
        var info = new AtomFeedInfo($"PaperFeed: papers of {FeedPeriodLinks.Heading(period)}", site + "/feed.atom", site + "/");
        return Atom(AtomFeedWriter.Write(info, page.Items, site, clock.GetUtcNow()));
    }

    /// <param name="window">day, week (default) or month.</param>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Trending(
        HttpContext context, TrendingQuery trending, TimeProvider clock, string? window, CancellationToken cancellationToken)
    {
        window ??= TrendingApi.DefaultWindow;
        if (!TrendingWindow.ByName.TryGetValue(window, out var span))
        {
            return ApiProblems.InvalidParameter("window", $"window must be one of {string.Join(", ", TrendingWindow.ByName.Keys)}.");
        }

        var papers = await trending.ListAsync(span, 0, MaxEntries, cancellationToken);
        var site = SiteUrl(context.Request);
        var info = new AtomFeedInfo($"PaperFeed: trending this {window}", $"{site}/trending.atom?window={window}", $"{site}/trending?window={window}");
        return Atom(AtomFeedWriter.Write(info, papers.Select(p => p.Paper).ToList(), site, clock.GetUtcNow()));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Search(
        HttpContext context, PaperSearch search, PaperFeedDbContext db, TimeProvider clock,
        string? q, string? mode, string? from, string? to, string? category, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var request = SearchRequest.Validate(q, mode, from, to, category, MaxEntries, null, errors);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid search request");
        }

        if (request.Mode == SearchMode.Semantic && !await search.IsSemanticReadyAsync(cancellationToken))
        {
            return SearchApi.SemanticModelNotReady();
        }

        var found = await SearchResults.RunAsync(search, db, request, cancellationToken);
        var site = SiteUrl(context.Request);
        var query = context.Request.QueryString.Value;
        var info = new AtomFeedInfo($"PaperFeed search: {request.Query}", $"{site}/search.atom{query}", $"{site}/search{query}");
        return Atom(AtomFeedWriter.Write(info, found.Items.Select(f => f.Paper).ToList(), site, clock.GetUtcNow()));
    }

    private static FileContentHttpResult Atom(byte[] body) => TypedResults.File(body, ContentType);

    private static string SiteUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
