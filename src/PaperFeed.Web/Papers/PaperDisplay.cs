using System.Globalization;
using PaperFeed.Core.Papers;
using PaperFeed.Data.Papers;

namespace PaperFeed.Web.Papers;

/// <summary>How the pages write a paper's authors, date and links.</summary>
public static class PaperDisplay
{
    public const int AuthorsShown = 3;

    /// <summary>The first few authors, then "et al.".</summary>
    public static string AuthorLine(IReadOnlyList<string> authors) =>
        authors.Count <= AuthorsShown ? string.Join(", ", authors) : $"{string.Join(", ", authors.Take(AuthorsShown))} et al.";

    /// <summary>The publication date as precise as the sources knew it: "May 13, 2024", "May 2024" or "2024".</summary>
    public static string? DateText(Paper paper) => paper.PublishedAt is not { } at
        ? null
        : paper.DatePrecision switch
        {
            DatePrecision.Day => at.UtcDateTime.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Month => at.UtcDateTime.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            _ => at.UtcDateTime.ToString("yyyy", CultureInfo.InvariantCulture),
        };

    /// <summary>The machine-readable form of <see cref="DateText"/>, for <c>&lt;time datetime&gt;</c>.</summary>
    public static string? DateAttribute(Paper paper) => paper.PublishedAt is not { } at
        ? null
        : paper.DatePrecision switch
        {
            DatePrecision.Day => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DatePrecision.Month => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => at.UtcDateTime.ToString("yyyy", CultureInfo.InvariantCulture),
        };

    public static string PagePath(string paperId) => "/papers/" + Uri.EscapeDataString(paperId);

    /// <summary>The link to read the paper: its arXiv abstract page, else its landing page; http(s) only.</summary>
    public static string? AbstractUrl(PaperDto paper) => SafeUrl(paper.Url);

    public static string? PdfUrl(PaperDto paper) => SafeUrl(paper.PdfUrl);

    public static bool IsArxiv(PaperDto paper) => paper.ArxivId is not null;

    // Sources give URLs; only web links become hrefs (a javascript: URL from a hostile source must not).
    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}
