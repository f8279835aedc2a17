using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PaperFeed.Web.Pages.Subscriptions;

/// <summary>
/// The page of every digest's unsubscribe link (and of the manage page's). A GET changes nothing, since mail scanners
/// open links: it shows a button that posts to <see cref="UnsubscribedModel"/>. (A POST to this URL is the RFC 8058
/// one-click endpoint of <see cref="PaperFeed.Web.Subscriptions.SubscriptionsApi"/>, for mail clients.)
/// </summary>
public sealed class UnsubscribeModel : PageModel
{
    public string? Token { get; private set; }

    public void OnGet(string? token) => Token = string.IsNullOrWhiteSpace(token) ? null : token;
}
