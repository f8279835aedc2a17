using System.Globalization;
using PaperFeed.Data.Papers;

namespace PaperFeed.Web.HuggingFace;

/// <summary>PaperFeed papers in the shapes of the Hugging Face papers API.</summary>
public static class HfMapping
{
    /// <summary>The one image every entry's <c>thumbnail</c> points to, a file of this site.</summary>
    public const string ThumbnailPath = "/images/paper-thumbnail.svg";

    /// <param name="siteUrl">This site's absolute base URL, without a trailing slash (<see cref="SiteUrlOf"/>).</param>
    public static HfPaper ToHfPaper(this Paper paper, string siteUrl)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var id = HfIdOf(paper);
        var onDailyList = paper.PublishedAt is { } published ? HfDates.DailyListDay(published) : (DateTimeOffset?)null;
        return new HfPaper(
            id,
            [.. paper.Authors.Select((name, position) => new HfAuthor(HfObjectId.Author(id, position), name, Hidden: false))],
            PublishedAtOf(paper),
            onDailyList,
            paper.Title,
            onDailyList is null ? null : PaperFeedSubmitter.AsSubmitter(siteUrl),
            paper.Abstract,
            paper.Upvotes + paper.LocalUpvotes,
            HfObjectId.Discussion(id));
    }

    public static HfPaperDetail ToHfPaperDetail(this Paper paper, string siteUrl)
    {
        HfPaper p = paper.ToHfPaper(siteUrl);
        return new HfPaperDetail(p.Id, p.Authors, p.PublishedAt, p.SubmittedOnDailyAt, p.Title, p.SubmittedOnDailyBy, p.Summary, p.Upvotes, p.DiscussionId);
    }

    public static HfDailyPaper ToHfDailyPaper(this Paper paper, string siteUrl)
    {
        HfPaper p = paper.ToHfPaper(siteUrl);
        return new HfDailyPaper(
            p, HfDates.EntryPublishedAt(p.PublishedAt), p.Title, p.Summary, siteUrl + ThumbnailPath,
            NumComments: 0, PaperFeedSubmitter.AsUser(siteUrl), IsAuthorParticipating: false);
    }

    /// <summary>A search result; the segments come from the search (for example <see cref="HighlightedText.Mark"/>).</summary>
    public static HfSearchResult ToHfSearchResult(
        this Paper paper, IReadOnlyList<HfTextSegment> highlightedTitle, IReadOnlyList<HfTextSegment> highlightedSummary, string siteUrl)
    {
        HfPaper p = paper.ToHfPaper(siteUrl);
        return new HfSearchResult(
            p, HfDates.EntryPublishedAt(p.PublishedAt), p.Title, p.Summary, siteUrl + ThumbnailPath,
            NumComments: 0, Upvoted: false, IsAuthorParticipating: false, highlightedTitle, highlightedSummary);
    }

    /// <summary>The absolute URL of this site (scheme, host and path base) that a request came to.</summary>
    public static string SiteUrlOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    // The Hub names papers by arXiv id; a paper without one goes by its PaperFeed id (pf-...).
    private static string HfIdOf(Paper paper) => paper.ArxivId ?? paper.Id;

    // publishedAt is required. A paper without a date still has the month of its arXiv id (2301.00001: January
    // 2023; hep-th/9901001: January 1999), the start of which is as much as PaperFeed knows.
    private static DateTimeOffset PublishedAtOf(Paper paper)
    {
        if (paper.PublishedAt is { } published)
        {
            return published;
        }

        var arxivId = paper.ArxivId ?? "";
        var yymm = arxivId[(arxivId.IndexOf('/', StringComparison.Ordinal) + 1)..];
        if (yymm.Length >= 4
            && int.TryParse(yymm.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy)
            && int.TryParse(yymm.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12)
        {
            // The old scheme started in 1991; the new one (2007 on) has two-digit years of this century.
            return new DateTimeOffset(yy >= 91 ? 1900 + yy : 2000 + yy, month, 1, 0, 0, 0, TimeSpan.Zero);
        }

        return paper.CreatedAt;
    }
}
