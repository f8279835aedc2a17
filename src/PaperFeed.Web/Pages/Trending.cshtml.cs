using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperFeed.Core.Trending;
using PaperFeed.Data.Recommendations;
using PaperFeed.Data.Trending;
using PaperFeed.Web.Trending;

namespace PaperFeed.Web.Pages;

/// <summary>Papers gaining upvotes fastest in the last day, week or month, each with the parts of its score.</summary>
public sealed class TrendingModel(TrendingQuery trending, VisitorHistory history) : PageModel
{
    public const int PageSize = 30;

    public static readonly IReadOnlyList<string> Windows = ["day", "week", "month"];

    public string Window { get; private set; } = TrendingApi.DefaultWindow;

    public IReadOnlyList<PaperCard> Cards { get; private set; } = [];

    public string? NextPageUrl { get; private set; }

    public string? Error { get; private set; }

    public int FirstRank { get; private set; } = 1;

    public async Task OnGetAsync(string? window, string? cursor, CancellationToken cancellationToken)
    {
        if (window is not null && !TrendingWindow.ByName.ContainsKey(window))
        {
            Error = $"window must be one of {string.Join(", ", Windows)}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Window = window ?? TrendingApi.DefaultWindow;
        var position = TrendingCursor.TryDecode(cursor, out var decoded) && decoded.Window == Window
            ? decoded
            : new TrendingCursor(Window, trending.Now(), 0);
        var papers = await trending.ListAsync(TrendingWindow.ByName[Window], position.AsOf, position.Offset, PageSize + 1, cancellationToken);
        var shown = papers.Take(PageSize).ToList();
        var cards = await PaperCard.ForAsync(shown.Select(p => p.Paper), history, Request, cancellationToken);
        Cards = cards.Zip(shown, (card, paper) => card with { Trending = paper }).ToList();
        FirstRank = position.Offset + 1;
        NextPageUrl = papers.Count > PageSize
            ? $"/trending?window={Window}&cursor={Uri.EscapeDataString((position with { Offset = position.Offset + PageSize }).Encode())}"
            : null;
    }
}
