using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PaperFeed.Core.Digests;
using PaperFeed.Data.Digests;
using PaperFeed.Web.Hosting;

namespace PaperFeed.Web.Subscriptions;

/// <summary>
/// Digest subscriptions: subscribe (double opt-in), confirm, read and change preferences, unsubscribe, and the
/// RFC 8058 one-click unsubscribe at <c>POST /unsubscribe?token=</c>, the URL every digest's List-Unsubscribe names.
/// The pages the mails link to call these.
/// </summary>
public static class SubscriptionsApi
{
    private const string Accepted =
        "If the address can receive mail, a message is on its way to it: open its link to confirm the subscription " +
        "(or, if the address is already subscribed, to change its preferences).";

    public static void MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/subscriptions").WithTags("Subscriptions");

        api.MapPost("/", Subscribe)
            .WithName("Subscribe")
            .WithSummary("Ask for digests at an address; a confirmation mail follows (double opt-in)")
            .WithDescription(
                "Answers 202 with the same body whether or not the address is known, so the answer tells nothing about " +
                "who subscribes. Nothing but the confirmation mail is sent before the link in it is opened. Rate-limited " +
                "per client IP (RateLimiting:Subscriptions, 20 an hour) and per address (RateLimiting:SubscriptionAddress, " +
                "3 an hour): beyond either, 429 with Retry-After.")
            .RequireRateLimiting(SubscriptionRateLimits.ClientPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/confirm", Confirm)
            .WithName("ConfirmSubscription")
            .WithSummary("Confirm a subscription with the token of the confirmation mail's link")
            .WithDescription("Confirming twice is harmless. The link expires after Digests:ConfirmationLinkLifetime (7 days): then 410.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        api.MapGet("/preferences", GetPreferences)
            .WithName("GetSubscriptionPreferences")
            .WithSummary("A subscription's preferences, by the token of a mail's manage link")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/preferences", UpdatePreferences)
            .WithName("UpdateSubscriptionPreferences")
            .WithSummary("Replace a subscription's preferences, by the token of a mail's manage link")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/unsubscribe", Unsubscribe)
            .WithName("Unsubscribe")
            .WithSummary("Unsubscribe at once, by the token of a mail's unsubscribe or manage link; again changes nothing")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/unsubscribe", OneClickUnsubscribe)
            .WithTags("Subscriptions")
            .WithName("OneClickUnsubscribe")
            .WithSummary("RFC 8058 one-click unsubscribe: the POST a mail client sends to the List-Unsubscribe URL")
            .WithDescription(
                "Needs no login or cookie and reads no body (mail providers send List-Unsubscribe=One-Click, urlencoded " +
                "or multipart). Answers 200, never a redirect; a second POST changes nothing. A GET on this URL is the " +
                "page and changes nothing, since mail scanners open links.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Accepted<SubscribeAcceptedDto>, ProblemHttpResult>> Subscribe(
        HttpContext context, SubscribeRequest request, DigestSubscriptions subscriptions, SubscriptionAddressLimiter limiter,
        CancellationToken cancellationToken)
    {
        if (SubscriberAddress.Parse(request.Email, out var badAddress) is not { } address)
        {
            return ApiProblems.InvalidParameter("email", badAddress!);
        }

        var preferences = DigestPreferences.TryCreate(
            request.Frequency, request.SendHour, request.TimeZone, request.Interests, request.Papers, request.Categories, out var problem);
        if (preferences is null)
        {
            return ApiProblems.InvalidParameter(problem!.Value.Field, problem.Value.Message);
        }

        if (!limiter.TryAcquire(address.Key, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"Too many subscription requests for this address; try again in {seconds} s.");
        }

        await subscriptions.RequestAsync(address.Address, address.Key, preferences, cancellationToken);
        return TypedResults.Accepted((string?)null, new SubscribeAcceptedDto(Accepted));
    }

    public static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> Confirm(
        TokenRequest request, DigestSubscriptions subscriptions, SubscriptionLinks links, CancellationToken cancellationToken) =>
        await AnswerAsync(await subscriptions.ConfirmAsync(request.Token, cancellationToken), links, cancellationToken);

    /// <param name="token">The token of the manage link (<c>/subscriptions/manage?token=</c>).</param>
    public static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> GetPreferences(
        [FromQuery] string? token, DigestSubscriptions subscriptions, SubscriptionLinks links, CancellationToken cancellationToken) =>
        await AnswerAsync(await subscriptions.FindAsync(token, cancellationToken), links, cancellationToken);

    /// <param name="token">The token of the manage link (<c>/subscriptions/manage?token=</c>).</param>
    public static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> UpdatePreferences(
        [FromQuery] string? token, PreferencesRequest request, DigestSubscriptions subscriptions, SubscriptionLinks links,
        CancellationToken cancellationToken)
    {
        var preferences = DigestPreferences.TryCreate(
            request.Frequency, request.SendHour, request.TimeZone, request.Interests, request.Papers, request.Categories, out var problem);
        if (preferences is null)
        {
            return ApiProblems.InvalidParameter(problem!.Value.Field, problem.Value.Message);
        }

        return await AnswerAsync(await subscriptions.UpdateAsync(token, preferences, cancellationToken), links, cancellationToken);
    }

    public static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> Unsubscribe(
        TokenRequest request, DigestSubscriptions subscriptions, SubscriptionLinks links, CancellationToken cancellationToken) =>
        await AnswerAsync(await subscriptions.UnsubscribeAsync(request.Token, cancellationToken), links, cancellationToken);

    /// <param name="token">The token of the List-Unsubscribe URL.</param>
    public static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> OneClickUnsubscribe(
        [FromQuery] string? token, DigestSubscriptions subscriptions, SubscriptionLinks links, CancellationToken cancellationToken) =>
        await AnswerAsync(await subscriptions.UnsubscribeAsync(token, cancellationToken), links, cancellationToken);

    private static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> AnswerAsync(
        SubscriptionOutcome outcome, SubscriptionLinks links, CancellationToken cancellationToken)
    {
        if (outcome.Subscriber is { } subscriber)
        {
            var manage = await links.TokenAsync(TokenPurpose.Manage, subscriber.Id, 0, null, cancellationToken);
            return TypedResults.Ok(subscriber.ToDto(manage));
        }

        return outcome.Problem switch
        {
            TokenProblem.Expired => TypedResults.Problem(
                statusCode: StatusCodes.Status410Gone, title: "Link expired",
                detail: "This confirmation link has expired; subscribe again to get a new one."),
            TokenProblem.NotFound => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Subscription not found",
                detail: "The link's subscription no longer exists."),
            _ => ApiProblems.InvalidParameter("token",
                "The token is not a valid link token for this action (altered, cut short, or replaced by a newer subscription)."),
        };
    }
}
