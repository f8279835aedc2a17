using PaperFeed.Core.Search;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Recommendations;
using PaperFeed.Data.Trending;
using PaperFeed.Web.Papers;
using PaperFeed.Web.Visitors;

namespace PaperFeed.Web.Pages;

/// <summary>What a paper card shows: the paper, this visitor's vote on it, and what the list adds (highlights, a score).</summary>
public sealed record PaperCard(Paper Paper, bool Upvoted, string ReturnUrl)
{
    public PaperDto Dto { get; } = Paper.ToDto();

    /// <summary>Search highlights of the title and of an abstract snippet (over their plain-text rendering).</summary>
    public (IReadOnlyList<HighlightSegment> Title, IReadOnlyList<HighlightSegment> Abstract)? Highlights { get; init; }

    public TrendingPaper? Trending { get; init; }

    /// <summary>Whether the card offers "Not interested" (the "For you" list).</summary>
    public bool CanHide { get; init; }

    /// <summary>Cards for papers, knowing which of them the requesting visitor upvoted.</summary>
    public static async Task<List<PaperCard>> ForAsync(
        IEnumerable<Paper> papers, VisitorHistory history, HttpRequest request, CancellationToken cancellationToken)
    {
        var list = papers.ToList();
        var upvoted = await history.UpvotedAmongAsync(Visitor.VoterKeyOf(request), list.Select(p => p.Id).ToList(), cancellationToken);
        var returnUrl = request.Path + request.QueryString;
        return list.Select(p => new PaperCard(p, upvoted.Contains(p.Id), returnUrl)).ToList();
    }
}
