using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperFeed.Data;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Recommendations;
using PaperFeed.Data.Search;
using PaperFeed.Web.Papers;
using PaperFeed.Web.Recommendations;

namespace PaperFeed.Web.Pages.Papers;

/// <summary>One paper: its full abstract, links, upvote button, BibTeX and the ten most similar papers.</summary>
public sealed class PaperModel(PaperFeedDbContext db, PaperSearch search, VisitorHistory history) : PageModel
{
    public const int SimilarCount = 10;

    public PaperCard Card { get; private set; } = null!;

    public IReadOnlyList<PaperCard> Similar { get; private set; } = [];

    public string BibTex { get; private set; } = "";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (PaperIdSyntax.ProblemWith(id) is { } problem)
        {
            return NotShown(StatusCodes.Status400BadRequest, problem);
        }

        var paper = await db.Papers.FindByAnyIdAsync(id, cancellationToken);
        if (paper is null)
        {
            return NotShown(StatusCodes.Status404NotFound, $"No paper has the id '{id}'.");
        }

        if (paper.Id != id)
        {
            return RedirectPermanent(PaperDisplay.PagePath(paper.Id)); // an arXiv id (or version) for a paper known by another id
        }

        var similar = await SimilarPapers.FindAsync(search, db, paper, SimilarCount, cancellationToken);
        var cards = await PaperCard.ForAsync(similar.Select(s => s.Paper).Prepend(paper), history, Request, cancellationToken);
        Card = cards[0];
        Similar = cards.Skip(1).ToList();
        BibTex = BibTexEntry.For(paper);
        return Page();
    }

    private PageResult NotShown(int status, string error)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }
}
