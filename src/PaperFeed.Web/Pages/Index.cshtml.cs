using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperFeed.Core.FeedPeriods;
using PaperFeed.Data;
using PaperFeed.Data.Feed;
using PaperFeed.Data.Recommendations;
using PaperFeed.Web.Feed;

namespace PaperFeed.Web.Pages;

/// <summary>
/// The feed: a day's, ISO week's or month's papers, most upvoted first. "/" shows the latest day that has papers;
/// the date picker (a GET form, <c>?date=&amp;view=</c>) redirects to the period's own URL.
/// </summary>
public sealed class IndexModel(PaperFeedDbContext db, VisitorHistory history, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    public FeedPeriod Period { get; private set; }

    public FeedPeriod? Previous { get; private set; }

    public FeedPeriod? Next { get; private set; }

    public IReadOnlyList<PaperCard> Cards { get; private set; } = [];

    public string? NextPageUrl { get; private set; }

    /// <summary>Why the requested period could not be shown (400), for the page to say.</summary>
    public string? Error { get; private set; }

    public bool IsLatest { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? period, string? date, string? view, string? cursor, CancellationToken cancellationToken)
    {
        if (date is not null)
        {
            return GoToDate(date, view);
        }

        FeedPeriod shown;
        if (FeedPeriodLinks.KindOf(kind) is { } requestedKind && period is not null)
        {
            if (!FeedPeriodParser.TryParse(requestedKind, period, out shown, out var error))
            {
                return BadPeriod(error);
            }
        }
        else
        {
            IsLatest = true;
            shown = await db.LatestPeriodAsync(FeedPeriodKind.Day, cancellationToken)
                ?? FeedPeriod.Containing(FeedPeriodKind.Day, clock.GetUtcNow());
        }

        // A cursor from another period (or none that decodes) starts at the top: this is a page for people.
        FeedPosition? after = null;
        if (cursor is not null && FeedCursor.TryDecode(cursor, out var cursorPeriod, out var position) && cursorPeriod == shown)
        {
            after = position;
        }

        var page = await db.FeedAsync(shown, after, PageSize, cancellationToken);
        Period = shown;
        Previous = page.PreviousPeriod;
        Next = page.NextPeriod;
        Cards = await PaperCard.ForAsync(page.Items, history, Request, cancellationToken);
        NextPageUrl = page.Next is { } next ? $"{FeedPeriodLinks.PathOf(shown)}?cursor={Uri.EscapeDataString(FeedCursor.Encode(shown, next))}" : null;
        return Page();
    }

    /// <summary>The period of the same kind containing the day, or the day itself when <paramref name="kind"/> is day.</summary>
    public FeedPeriod Containing(FeedPeriodKind kind) => FeedPeriod.Containing(kind, Period.Start);

    private IActionResult GoToDate(string date, string? view)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day < FeedPeriod.MinDay || day > FeedPeriod.MaxDay)
        {
            return BadPeriod($"date must be a day between {FeedPeriod.MinDay:yyyy-MM-dd} and {FeedPeriod.MaxDay:yyyy-MM-dd}, written YYYY-MM-DD.");
        }

        var kind = FeedPeriodLinks.KindOf(view) ?? FeedPeriodKind.Day;
        return Redirect(FeedPeriodLinks.PathOf(FeedPeriod.Containing(kind, day)));
    }

    private PageResult BadPeriod(string error)
    {
        Error = error;
        Period = FeedPeriod.Containing(FeedPeriodKind.Day, clock.GetUtcNow());
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
