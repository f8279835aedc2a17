using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperFeed.Data.Digests;

namespace PaperFeed.Web.Pages.Subscriptions;

/// <summary>A subscription's preferences, by the token of a mail's manage link: shown filled in, saved on POST.</summary>
public sealed class ManageModel(DigestSubscriptions subscriptions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public DigestPreferencesForm Form { get; set; } = new();

    public Dictionary<string, string> Errors { get; } = [];

    public Subscriber? Subscriber { get; private set; }

    public TokenProblem? Problem { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } subscriber)
        {
            Form = DigestPreferencesForm.Of(subscriber);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } subscriber)
        {
            return Page();
        }

        // Followed papers are not on the form (they are set through the API): keep them.
        var preferences = Form.Validate(subscriber.Papers, Errors);
        if (preferences is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await subscriptions.UpdateAsync(Token, preferences, cancellationToken);
        Subscriber = outcome.Subscriber;
        Saved = Subscriber is not null;
        return Page();
    }

    public string UnsubscribeUrl => $"/unsubscribe?token={Uri.EscapeDataString(Token ?? "")}";

    private async Task<Subscriber?> FindAsync(CancellationToken cancellationToken)
    {
        var found = await subscriptions.FindAsync(Token, cancellationToken);
        (Subscriber, Problem) = (found.Subscriber, found.Problem);
        if (Problem is not null)
        {
            Response.StatusCode = Problem == TokenProblem.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        }

        return Subscriber;
    }
}
