using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperFeed.Core.Digests;
using PaperFeed.Data.Digests;
using PaperFeed.Web.Subscriptions;

namespace PaperFeed.Web.Pages.Subscriptions;

/// <summary>
/// The subscription form. Answers the same "check your inbox" for a new and a known address, as the REST API does,
/// so the page tells nobody who subscribes; the per-address limit of the API applies here too.
/// </summary>
public sealed class SubscribeModel(DigestSubscriptions subscriptions, SubscriptionAddressLimiter limiter) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public DigestPreferencesForm Form { get; set; } = new();

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Set once the request is taken: the form gives way to it.</summary>
    public bool Accepted { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var address = SubscriberAddress.Parse(Email, out var badAddress);
        if (address is null)
        {
            Errors["email"] = badAddress!;
        }

        var preferences = Form.Validate([], Errors);
        if (address is not { } valid || preferences is null)
        {
            return Page400();
        }

        if (!limiter.TryAcquire(valid.Key, out var retryAfter))
        {
            Errors["email"] = $"Too many subscription requests for this address; try again in {Math.Ceiling(retryAfter.TotalMinutes):0} min.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        await subscriptions.RequestAsync(valid.Address, valid.Key, preferences, cancellationToken);
        Accepted = true;
        return Page();
    }

    private PageResult Page400()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
