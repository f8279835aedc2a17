using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using PaperFeed.Core.Papers;
using PaperFeed.Data;
using PaperFeed.Data.HuggingFace;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Search;
using PaperFeed.Data.Trending;
using PaperFeed.Web.Hosting;

namespace PaperFeed.Web.HuggingFace;

/// <summary>
/// The Hugging Face papers API (huggingface.co/api/daily_papers, /api/papers/...) served from PaperFeed's papers, so
/// that its clients (huggingface_hub, hf-mcp-server, fastpaper-cli, ...) work by changing the base URL. The
/// interface is HF-PAPERS-API.md; what matches and what is synthesised is docs/huggingface-compatibility.md.
/// </summary>
public static class HuggingFaceApi
{
    public const string Tag = "Hugging Face compatible";
    public const int SearchDefaultLimit = 50;
    public const int SearchMaxLimit = 120;
    public const int MaxQueryLength = 250;
    private const int MaxIdLength = 64;

    // Query parameters are bound as text and checked by DailyPapersRequest, so that every refusal is a problem
    // with an error member; these patterns only describe them in the OpenAPI document.
    private const string DatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    private const string WeekPattern = "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-2])$";
    private const string MonthPattern = "^[0-9]{4}-[0-9]{2}$";
    private const string WholeNumberPattern = "^[0-9]+$";

    // Papers without an arXiv id go by PaperFeed's own id (PaperIdentity): pf- and 16 hex digits.
    private const string PaperFeedIdPrefix = "pf-";

    public static void MapHuggingFaceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags(Tag);

        api.MapGet("/daily_papers", ListDailyPapers)
            .WithName("HfListDailyPapers")
            .WithSummary("Daily Papers lists, as huggingface.co/api/daily_papers")
            .WithDescription(
                "A paper is on the daily list of its UTC publication day; paper.id is its arXiv id, or its PaperFeed id (pf-...) " +
                "when it has none. Without date, week or month: the latest day up to today that has papers. Entries are " +
                "ordered by upvotes (from the sources plus those given here). When another " +
                "page exists the response has a header Link: </api/daily_papers?p=N&...>; rel=\"next\". Errors are " +
                "problem details with an extra member error, as huggingface.co's {\"error\": ...}.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/papers/search", SearchPapers)
            .WithName("HfSearchPapers")
            .WithSummary("Search papers, as huggingface.co/api/papers/search")
            .WithDescription("One page of results, best first (PaperFeed's hybrid search), with title and abstract cut into highlighted segments.")
            .RequireRateLimiting(RateLimitPolicies.Search)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/papers/{arxivId}", GetPaper)
            .WithName("HfGetPaper")
            .WithSummary("One paper by arXiv id, as huggingface.co/api/papers/{arxivId}")
            .WithDescription(
                "arXiv ids such as 2606.00467, with or without a version (2606.00467v2); old-style ids as hep-th_9901001 or " +
                "hep-th%2F9901001; papers without an arXiv id by their PaperFeed id (pf-0123456789abcdef), as the lists give it.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/papers/{archive}/{number}", GetOldStylePaper)
            .WithName("HfGetOldStylePaper")
            .WithSummary("One paper by old-style arXiv id (archive/number, such as hep-th/9901001)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/papers/{arxivId}.md", GetPaperMarkdown)
            .WithTags(Tag)
            .WithName("HfGetPaperMarkdown")
            .WithSummary("A paper page as Markdown, as huggingface.co/papers/{arxivId}.md")
            .WithDescription("Title, authors, publication day, upvotes, links and abstract (PaperFeed holds no full texts).")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/papers/{archive}/{number}.md", GetOldStylePaperMarkdown)
            .WithTags(Tag)
            .WithName("HfGetOldStylePaperMarkdown")
            .WithSummary("A paper page as Markdown, by old-style arXiv id (hep-th/9901001)")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="date">The day of the list, YYYY-MM-DD (2025-03-20). An impossible day is refused (400).</param>
    /// <param name="week">An ISO week, YYYY-Www (2025-W09): Monday to Sunday. W53 is refused (400), as huggingface.co does.</param>
    /// <param name="month">A month, YYYY-MM (2025-02). Give at most one of date, week and month.</param>
    /// <param name="limit">Entries per page, a whole number from 1 to 100 (default 50).</param>
    /// <param name="p">Page number, counted from 0 (default 0); past the end the list is empty.</param>
    /// <param name="sort">publishedAt (default): the lists of the days asked for. trending: a rolling ranking of all papers (not supported yet: 400).</param>
    /// <param name="submitter">Only papers this user submitted: every PaperFeed entry is submitted by the user paperfeed, so any other name gives an empty list.</param>
    public static async Task<Results<Ok<List<HfDailyPaper>>, ProblemHttpResult>> ListDailyPapers(
        HttpContext http, PaperFeedDbContext db, TimeProvider clock,
        [RegularExpression(DatePattern)] string? date,
        [RegularExpression(WeekPattern)] string? week,
        [RegularExpression(MonthPattern)] string? month,
        [RegularExpression(WholeNumberPattern), DefaultValue("50")] string? limit,
        [RegularExpression(WholeNumberPattern), DefaultValue("0")] string? p,
        [RegularExpression("^(publishedAt|trending)$"), DefaultValue("publishedAt")] string? sort,
        string? submitter,
        CancellationToken cancellationToken)
    {
        if (!DailyPapersRequest.TryParse(date, week, month, limit, p, sort, submitter, out DailyPapersRequest? request, out var error))
        {
            return HfProblems.BadRequest(error);
        }

        if (request.Submitter is { } name && !PaperFeedSubmitter.IsNamed(name))
        {
            return TypedResults.Ok(new List<HfDailyPaper>());
        }

        if (request.Sort == DailyPapersSort.Trending)
        {
            return await ListTrendingAsync(http, request, cancellationToken);
        }

        DailyListDays? days = request.Days;
        if (days is null && await db.Papers.LatestDailyListDayAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken) is { } latest)
        {
            days = DailyListDays.OfDay(latest);
        }

        List<Paper> papers = days is { } range
            ? await db.Papers.DailyListAsync(range, request.Offset, request.Limit + 1, cancellationToken)
            : [];
        return Page(http, papers, request);
    }

    // huggingface.co's trending list is a global rolling ranking that ignores date, week and month (measured
    // 2026-09-19), so request.Days is not passed on: the same gravity score as /api/v1/trending, over every paper.
    private static async Task<Results<Ok<List<HfDailyPaper>>, ProblemHttpResult>> ListTrendingAsync(
        HttpContext http, DailyPapersRequest request, CancellationToken cancellationToken)
    {
        if (request.Offset > int.MaxValue - request.Limit - 1)
        {
            return Page(http, [], request);
        }

        var trending = http.RequestServices.GetRequiredService<TrendingQuery>();
        var ranked = await trending.ListAsync(window: null, (int)request.Offset, request.Limit + 1, cancellationToken);
        return Page(http, ranked.Select(t => t.Paper).ToList(), request);
    }

    /// <summary>One page of entries from up to limit + 1 papers; the extra paper only says that a next page exists.</summary>
    private static Ok<List<HfDailyPaper>> Page(HttpContext http, List<Paper> papers, DailyPapersRequest request)
    {
        if (papers.Count > request.Limit)
        {
            http.Response.Headers.Link = NextPageLink(http.Request, request.Page + 1);
        }

        var siteUrl = HfMapping.SiteUrlOf(http.Request);
        return TypedResults.Ok(papers.Take(request.Limit).Select(paper => paper.ToHfDailyPaper(siteUrl)).ToList());
    }

    // The same query with the next p, relative to this site as in huggingface.co's own header
    // (hf-mcp-server tests: </api/daily_papers?p=1&limit=20&sort=trending>; rel="next").
    private static string NextPageLink(HttpRequest request, int nextPage)
    {
        var query = new QueryBuilder { { "p", nextPage.ToString(CultureInfo.InvariantCulture) } };
        foreach (var (key, values) in request.Query.Where(parameter => !string.Equals(parameter.Key, "p", StringComparison.OrdinalIgnoreCase)))
        {
            query.Add(key, values.Select(value => value ?? "").ToArray());
        }

        return $"<{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}{query.ToQueryString()}>; rel=\"next\"";
    }

    /// <param name="q">The search query, at most 250 characters.</param>
    /// <param name="limit">Results, a whole number from 1 to 120 (default 50). The search has one page only, as on huggingface.co.</param>
    public static async Task<Results<Ok<List<HfSearchResult>>, ProblemHttpResult>> SearchPapers(
        HttpContext http, PaperFeedDbContext db,
        [MaxLength(MaxQueryLength)] string? q,
        [RegularExpression(WholeNumberPattern), DefaultValue("50")] string? limit,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return HfProblems.BadRequest("q (the search query) is required.");
        }

        if (q.Length > MaxQueryLength)
        {
            return HfProblems.BadRequest($"q must be at most {MaxQueryLength} characters; it has {q.Length}.");
        }

        var count = SearchDefaultLimit;
        if (limit is not null
            && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= SearchMaxLimit))
        {
            return HfProblems.BadRequest($"limit must be a whole number from 1 to {SearchMaxLimit}; got '{(limit.Length <= 40 ? limit : limit[..40] + "…")}'.");
        }

        return await SearchRankedAsync(http, db, q.Trim(), count, cancellationToken);
    }

    // The same hybrid ranking as /api/v1/search; Hugging Face's search has one page, so the depth is the limit.
    private static async Task<Results<Ok<List<HfSearchResult>>, ProblemHttpResult>> SearchRankedAsync(
        HttpContext http, PaperFeedDbContext db, string query, int limit, CancellationToken cancellationToken)
    {
        var search = http.RequestServices.GetRequiredService<PaperSearch>();
        var hits = await search.SearchAsync(query, SearchMode.Hybrid, SearchFilter.None, limit, cancellationToken);
        var papers = await db.Papers.FindManyAsync(hits.Select(h => h.PaperId), cancellationToken);
        var siteUrl = HfMapping.SiteUrlOf(http.Request);
        return TypedResults.Ok(hits
            .Where(h => papers.ContainsKey(h.PaperId))
            .Select(h => papers[h.PaperId])
            .Select(paper => paper.ToHfSearchResult(HighlightedText.Mark(paper.Title, query), HighlightedText.Mark(paper.Abstract, query), siteUrl))
            .ToList());
    }

    /// <param name="arxivId">arXiv id, such as 2606.00467 or 2606.00467v2, or the PaperFeed id of a paper without one.</param>
    public static async Task<Results<Ok<HfPaperDetail>, ProblemHttpResult>> GetPaper(
        HttpContext http, PaperFeedDbContext db, string arxivId, CancellationToken cancellationToken)
    {
        (Paper? paper, ProblemHttpResult? problem) = await FindAsync(db, arxivId, cancellationToken);
        return paper is null ? problem! : TypedResults.Ok(paper.ToHfPaperDetail(HfMapping.SiteUrlOf(http.Request)));
    }

    /// <param name="archive">The archive (and subject class), such as hep-th or math.GT.</param>
    /// <param name="number">The number within it, such as 9901001 or 9901001v2.</param>
    public static Task<Results<Ok<HfPaperDetail>, ProblemHttpResult>> GetOldStylePaper(
        HttpContext http, PaperFeedDbContext db, string archive, string number, CancellationToken cancellationToken) =>
        GetPaper(http, db, $"{archive}/{number}", cancellationToken);

    /// <param name="arxivId">arXiv id, such as 2606.00467 or 2606.00467v2, or the PaperFeed id of a paper without one.</param>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetPaperMarkdown(
        HttpContext http, PaperFeedDbContext db, string arxivId, CancellationToken cancellationToken)
    {
        (Paper? paper, ProblemHttpResult? problem) = await FindAsync(db, arxivId, cancellationToken);
        return paper is null
            ? problem!
            : TypedResults.Text(PaperMarkdown.Render(paper, HfMapping.SiteUrlOf(http.Request)), "text/markdown; charset=utf-8");
    }

    /// <param name="archive">The archive (and subject class), such as hep-th or math.GT.</param>
    /// <param name="number">The number within it, such as 9901001.</param>
    public static Task<Results<ContentHttpResult, ProblemHttpResult>> GetOldStylePaperMarkdown(
        HttpContext http, PaperFeedDbContext db, string archive, string number, CancellationToken cancellationToken) =>
        GetPaperMarkdown(http, db, $"{archive}/{number}", cancellationToken);

    private static async Task<(Paper? Paper, ProblemHttpResult? Problem)> FindAsync(PaperFeedDbContext db, string id, CancellationToken cancellationToken)
    {
        if (id.Length > MaxIdLength)
        {
            return (null, HfProblems.BadRequest($"The paper id is longer than {MaxIdLength} characters."));
        }

        // An old-style id's '/' arrives as a second path segment, as %2F (left encoded by routing) or as '_', the
        // form of PaperFeed's own ids; new-style ids have neither.
        var candidate = id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).Replace('_', '/');
        string? arxivId = ArxivId.TryParse(candidate, out ArxivId parsed) ? parsed.Id : null;
        if (arxivId is null && !id.StartsWith(PaperFeedIdPrefix, StringComparison.Ordinal))
        {
            return (null, HfProblems.BadRequest(
                $"'{(id.Length <= 40 ? id : id[..40] + "…")}' is neither an arXiv id (2606.00467, hep-th/9901001) nor a PaperFeed id (pf- and 16 hex digits)."));
        }

        Paper? paper = await db.Papers.FindByIdOrArxivIdAsync(id, arxivId, cancellationToken);
        return paper is null
            ? (null, HfProblems.NotFound($"No paper with the id {arxivId ?? id} is indexed on this PaperFeed."))
            : (paper, null);
    }
}
