using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PaperFeed.Data.Votes;
using PaperFeed.Web.Hosting;
using PaperFeed.Web.Papers;
using PaperFeed.Web.Visitors;

namespace PaperFeed.Web.Votes;

/// <summary>A paper's vote state after a vote or its withdrawal.</summary>
/// <param name="Id">The paper's PaperFeed id.</param>
/// <param name="Upvotes">Total upvotes: the sources' plus those cast here.</param>
/// <param name="Upvoted">Whether this visitor's upvote is counted.</param>
public sealed record UpvoteDto(string Id, int Upvotes, bool Upvoted);

public static class VotesApi
{
    public static void MapVotesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/papers/{id}/upvote").WithTags("Votes")
            .RequireRateLimiting(RateLimitPolicies.Votes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        const string visitors =
            "One vote per visitor: an API client names itself with the X-Client-Key header (8 to 128 visible ASCII " +
            "characters); otherwise a browser is known by its pf_visitor cookie, set (HttpOnly, 400 days) on its " +
            "first vote. Only a SHA-256 of either is stored. Rate-limited per visitor (else per IP address): 30 " +
            "votes a minute unless configured (RateLimiting:Votes); beyond it 429 with Retry-After.";

        api.MapPost("/", Upvote)
            .WithName("UpvotePaper")
            .WithSummary("Upvote a paper; a second upvote by the same visitor changes nothing")
            .WithDescription(visitors);

        api.MapDelete("/", WithdrawUpvote)
            .WithName("WithdrawUpvote")
            .WithSummary("Withdraw this visitor's upvote; without one, nothing changes")
            .WithDescription(visitors);
    }

    /// <param name="id" example="2507.22887">A PaperFeed id or an arXiv id.</param>
    /// <param name="clientKey" example="my-reader-app-7f3c2a">Names an API client as one visitor (8 to 128 visible ASCII characters); browsers leave it out and get a cookie.</param>
    public static async Task<Results<Ok<UpvoteDto>, ProblemHttpResult>> Upvote(
        HttpContext context, PaperUpvotes upvotes, string id,
        [FromHeader(Name = Visitor.ClientKeyHeader)] string? clientKey, CancellationToken cancellationToken)
    {
        if (Check(context, id, clientKey, out var secret) is { } problem)
        {
            return problem;
        }

        var newVisitor = secret is null;
        secret ??= Visitor.NewSecret();
        var state = await upvotes.UpvoteAsync(id, PaperUpvotes.VoterKeyOf(secret), cancellationToken);
        if (state is null)
        {
            return ApiProblems.PaperNotFound(id);
        }

        if (newVisitor)
        {
            Visitor.SetCookie(context, secret);
        }

        return TypedResults.Ok(state.ToDto());
    }

    /// <param name="id" example="2507.22887">A PaperFeed id or an arXiv id.</param>
    /// <param name="clientKey" example="my-reader-app-7f3c2a">The client key the vote was cast with, if any.</param>
    public static async Task<Results<Ok<UpvoteDto>, ProblemHttpResult>> WithdrawUpvote(
        HttpContext context, PaperUpvotes upvotes, string id,
        [FromHeader(Name = Visitor.ClientKeyHeader)] string? clientKey, CancellationToken cancellationToken)
    {
        if (Check(context, id, clientKey, out var secret) is { } problem)
        {
            return problem;
        }

        var state = await upvotes.WithdrawAsync(id, secret is null ? null : PaperUpvotes.VoterKeyOf(secret), cancellationToken);
        return state is null ? ApiProblems.PaperNotFound(id) : TypedResults.Ok(state.ToDto());
    }

    private static ProblemHttpResult? Check(HttpContext context, string id, string? clientKey, out string? secret)
    {
        secret = null;
        if (PaperIdSyntax.ProblemWith(id) is { } badId)
        {
            return ApiProblems.InvalidParameter("id", badId);
        }

        secret = Visitor.SecretOf(clientKey, context.Request, out var badKey);
        return badKey is null ? null : ApiProblems.InvalidParameter(Visitor.ClientKeyHeader, badKey);
    }

    private static UpvoteDto ToDto(this UpvoteState state) => new(state.PaperId, state.Upvotes, state.Upvoted);
}
