using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PaperFeed.Core.Digests;
using PaperFeed.Data.Digests;
using PaperFeed.Web.Hosting;

namespace PaperFeed.Web.Subscriptions;

public static class DigestsApi
{
    public static void MapDigestsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/digests").WithTags("Subscriptions")
            .MapGet("/preview", Preview)
            .WithName("PreviewDigest")
            .WithSummary("A digest as it would be sent now: a subscriber's (by manage token), or for the given preferences")
            .WithDescription(
                "With token, the subscriber's next digest over the period ending now, without the papers they were sent " +
                "before. Without it, the digest the query's preferences would give. Nothing is sent or recorded.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="token">A manage link's token: preview that subscriber's digest (the other parameters are then ignored).</param>
    /// <param name="frequency">"daily" (default) or "weekly": the period the papers come from.</param>
    /// <param name="interests">Topics to match (repeat the parameter for several).</param>
    /// <param name="papers">Followed paper ids (repeat for several).</param>
    /// <param name="categories">Categories or archives to keep to (repeat for several).</param>
    public static async Task<Results<Ok<DigestPreviewDto>, ProblemHttpResult>> Preview(
        [FromQuery] string? token, [FromQuery] string? frequency, [FromQuery] string[]? interests, [FromQuery] string[]? papers,
        [FromQuery] string[]? categories, DigestSubscriptions subscriptions, DigestPreview preview, CancellationToken cancellationToken)
    {
        (DigestContent Content, RenderedMail Mail) digest;
        if (token is not null)
        {
            var found = await subscriptions.FindAsync(token, cancellationToken);
            if (found.Subscriber is not { } subscriber)
            {
                return found.Problem == TokenProblem.NotFound
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Subscription not found", detail: "The link's subscription no longer exists.")
                    : ApiProblems.InvalidParameter("token", "The token is not a valid manage-link token.");
            }

            digest = await preview.OfSubscriberAsync(subscriber, cancellationToken);
        }
        else
        {
            var preferences = DigestPreferences.TryCreate(frequency, null, null, interests, papers, categories, out var problem);
            if (preferences is null)
            {
                return ApiProblems.InvalidParameter(problem!.Value.Field, problem.Value.Message);
            }

            digest = await preview.OfPreferencesAsync(preferences, cancellationToken);
        }

        return TypedResults.Ok(new DigestPreviewDto(
            digest.Content.Frequency.ToString().ToLowerInvariant(),
            digest.Content.Trending.Select(ToDto).ToList(),
            digest.Content.Picks.Select(ToDto).ToList(),
            digest.Mail.Subject, digest.Mail.TextBody, digest.Mail.HtmlBody));
    }

    private static DigestPaperDto ToDto(DigestItem item) =>
        new(item.PaperId, item.Title, item.Authors, item.Url, item.PublishedAt, item.Upvotes, item.Reason);
}
