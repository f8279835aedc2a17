using PaperFeed.Core.Papers;
using PaperFeed.Data.Papers;

namespace PaperFeed.Web.Papers;

/// <summary>A paper as the API shows it.</summary>
/// <param name="Id">Stable PaperFeed id: the arXiv id when known (old-style ids with '_' for '/'), else <c>pf-</c> and a hash.</param>
/// <param name="ArxivId">arXiv id without version, when known.</param>
/// <param name="Title">Title; LaTeX is kept as the source wrote it.</param>
/// <param name="Abstract">Abstract; LaTeX is kept as the source wrote it.</param>
/// <param name="Authors">Author names in order; empty when the source only gave a count.</param>
/// <param name="PublishedAt">Publication date (UTC), as precise as <paramref name="DatePrecision"/> says.</param>
/// <param name="DatePrecision">day, month or year.</param>
/// <param name="Upvotes">Total upvotes: those the sources reported plus those cast here.</param>
/// <param name="Categories">Subject categories, such as cs.CL.</param>
/// <param name="Url">Landing page: the arXiv abstract page, or the paper's own page.</param>
/// <param name="PdfUrl">Link to the PDF, when known.</param>
/// <param name="Source">The source format the paper was first ingested from.</param>
public record PaperDto(
    string Id,
    string? ArxivId,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    DateTimeOffset? PublishedAt,
    string DatePrecision,
    int Upvotes,
    IReadOnlyList<string> Categories,
    string? Url,
    string? PdfUrl,
    string Source);

/// <summary>A page of papers; pass <c>nextCursor</c> as <c>cursor</c> for the next page (null on the last page).</summary>
public sealed record PaperPageDto(IReadOnlyList<PaperDto> Items, string? NextCursor);

public static class PaperMapping
{
    public static PaperDto ToDto(this Paper paper)
    {
        var arxiv = paper.ArxivId is { } id && ArxivId.TryParse(id, out var parsed) ? parsed : (ArxivId?)null;
        return new PaperDto(
            paper.Id,
            paper.ArxivId,
            paper.Title,
            paper.Abstract,
            paper.Authors,
            paper.PublishedAt,
            paper.DatePrecision.ToString().ToLowerInvariant(),
            paper.Upvotes + paper.LocalUpvotes,
            paper.Categories,
            arxiv?.AbsUrl ?? paper.Url,
            arxiv?.PdfUrl ?? paper.PdfUrl,
            paper.Source);
    }
}
