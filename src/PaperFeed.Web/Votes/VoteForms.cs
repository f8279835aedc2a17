using Microsoft.AspNetCore.Mvc;
using PaperFeed.Data.Votes;
using PaperFeed.Web.Hosting;
using PaperFeed.Web.Papers;
using PaperFeed.Web.Visitors;

namespace PaperFeed.Web.Votes;

/// <summary>
/// The pages' upvote buttons: plain HTML forms (antiforgery token, no script needed) that answer with a redirect
/// back to the page, or with the new vote state as JSON when the page's script asks for it
/// (<c>Accept: application/json</c>). Rate-limited like the API's votes.
/// </summary>
public static class VoteForms
{
    public static void MapVoteForms(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/papers/{id}").ExcludeFromDescription().RequireRateLimiting(RateLimitPolicies.Votes);
        forms.MapPost("/upvote", Upvote);
        forms.MapPost("/withdraw-upvote", Withdraw);
    }

    public static Task<IResult> Upvote(
        HttpContext context, PaperUpvotes upvotes, string id, [FromForm] string? returnUrl, CancellationToken cancellationToken) =>
        ChangeAsync(context, id, returnUrl, key => upvotes.UpvoteAsync(id, key, cancellationToken));

    public static Task<IResult> Withdraw(
        HttpContext context, PaperUpvotes upvotes, string id, [FromForm] string? returnUrl, CancellationToken cancellationToken) =>
        ChangeAsync(context, id, returnUrl, key => upvotes.WithdrawAsync(id, key, cancellationToken));

    private static async Task<IResult> ChangeAsync(HttpContext context, string id, string? returnUrl, Func<string, Task<UpvoteState?>> change)
    {
        if (PaperIdSyntax.ProblemWith(id) is { } badId)
        {
            return ApiProblems.InvalidParameter("id", badId);
        }

        var state = await change(Visitor.EnsureVoterKey(context));
        if (state is null)
        {
            return ApiProblems.PaperNotFound(id);
        }

        if (context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType == "application/json"))
        {
            return TypedResults.Ok(new UpvoteDto(state.PaperId, state.Upvotes, state.Upvoted));
        }

        // 303: the browser follows with a GET, so reloading the page does not vote again.
        context.Response.Headers.Location = IsLocal(returnUrl) ? returnUrl : $"/papers/{Uri.EscapeDataString(state.PaperId)}";
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    // Only paths on this site: a form must not be able to send the visitor elsewhere (open redirect).
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
