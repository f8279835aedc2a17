using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperFeed.Data.Digests;

namespace PaperFeed.Web.Pages.Subscriptions;

/// <summary>The unsubscribe page's button: unsubscribes by an unsubscribe or manage token; again changes nothing.</summary>
public sealed class UnsubscribedModel(DigestSubscriptions subscriptions) : PageModel
{
    public TokenProblem? Problem { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Subscriptions/Unsubscribe");

    public async Task OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        Problem = (await subscriptions.UnsubscribeAsync(token, cancellationToken)).Problem;
        Response.StatusCode = Problem switch
        {
            null => StatusCodes.Status200OK,
            TokenProblem.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
    }
}
