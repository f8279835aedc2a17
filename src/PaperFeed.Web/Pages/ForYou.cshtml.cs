using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperFeed.Data;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Recommendations;
using PaperFeed.Data.Search;
using PaperFeed.Web.Papers;
using PaperFeed.Web.Visitors;

namespace PaperFeed.Web.Pages;

/// <summary>
/// Recommendations without an account: papers like the ones this visitor (their cookie) upvoted and unlike the ones
/// they hid, as <c>POST /api/v1/recommendations</c> makes them. Hiding, un-hiding and clearing the history are forms.
/// </summary>
public sealed class ForYouModel(PaperFeedDbContext db, PaperSearch search, VisitorHistory history) : PageModel
{
    public const int Count = 20;

    public IReadOnlyList<PaperCard> Cards { get; private set; } = [];

    public int UpvotedCount { get; private set; }

    public IReadOnlyList<Paper> Hidden { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Visitor.VoterKeyOf(Request) is not { } voter)
        {
            Notice = "Upvote a few papers you like, and this page will suggest more like them.";
            return;
        }

        var hidden = await history.HiddenAsync(voter, cancellationToken);
        // A paper both upvoted and hidden counts as hidden: the latest wish is not to see it.
        var upvoted = (await history.UpvotedAsync(voter, cancellationToken)).Except(hidden).ToList();
        UpvotedCount = upvoted.Count;
        Hidden = (await db.Papers.FindManyAsync(hidden, cancellationToken)).Values.OrderBy(p => hidden.IndexOf(p.Id)).ToList();
        if (upvoted.Count == 0)
        {
            Notice = "Upvote a few papers you like, and this page will suggest more like them.";
            return;
        }

        if (!await search.IsSemanticReadyAsync(cancellationToken))
        {
            Notice = "Recommendations need the semantic model, which is not ready yet: the worker fits it once papers are ingested.";
            return;
        }

        var hits = await search.RecommendAsync(upvoted, hidden, Count, cancellationToken);
        var papers = await db.Papers.FindManyAsync(hits.Select(h => h.PaperId), cancellationToken);
        var cards = await PaperCard.ForAsync(hits.Where(h => papers.ContainsKey(h.PaperId)).Select(h => papers[h.PaperId]), history, Request, cancellationToken);
        Cards = cards.Select(c => c with { CanHide = true }).ToList();
    }

    public async Task<IActionResult> OnPostHideAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null || PaperIdSyntax.ProblemWith(id) is not null)
        {
            return BadRequest();
        }

        return await history.HideAsync(Visitor.EnsureVoterKey(HttpContext), id, cancellationToken) ? RedirectToPage() : NotFound();
    }

    public async Task<IActionResult> OnPostUnhideAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is not null && Visitor.VoterKeyOf(Request) is { } voter)
        {
            await history.UnhideAsync(voter, id, cancellationToken);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken cancellationToken)
    {
        if (Visitor.VoterKeyOf(Request) is { } voter)
        {
            await history.ClearAsync(voter, cancellationToken);
        }

        return RedirectToPage();
    }
}
