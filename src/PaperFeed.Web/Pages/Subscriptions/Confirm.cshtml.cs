using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperFeed.Core.Digests;
using PaperFeed.Data.Digests;

namespace PaperFeed.Web.Pages.Subscriptions;

/// <summary>
/// The confirmation link's page. Opening it only shows a button, since mail scanners open links; the button's POST
/// confirms. A link that is expired or not genuine says so on the GET already (checking changes nothing).
/// </summary>
public sealed class ConfirmModel(DigestSubscriptions subscriptions, SubscriptionLinks links, TimeProvider clock) : PageModel
{
    public string? Token { get; private set; }

    public TokenProblem? Problem { get; private set; }

    /// <summary>After the POST: the manage page of the now active subscription.</summary>
    public string? ManageUrl { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        Token = token;
        var verified = await links.VerifyAsync(token, TokenPurpose.Confirm, cancellationToken);
        Problem = verified is null ? TokenProblem.Invalid : verified.IsExpired(clock.GetUtcNow()) ? TokenProblem.Expired : null;
        SetStatus();
    }

    public async Task OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        Token = token;
        var outcome = await subscriptions.ConfirmAsync(token, cancellationToken);
        Problem = outcome.Problem;
        if (outcome.Subscriber is { } subscriber)
        {
            var manage = await links.TokenAsync(TokenPurpose.Manage, subscriber.Id, 0, null, cancellationToken);
            ManageUrl = $"/subscriptions/manage?token={manage}";
        }

        SetStatus();
    }

    private void SetStatus() => Response.StatusCode = Problem switch
    {
        null => StatusCodes.Status200OK,
        TokenProblem.Expired => StatusCodes.Status410Gone,
        TokenProblem.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };
}
