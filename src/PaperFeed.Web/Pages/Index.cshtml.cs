using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperFeed.Data;
using PaperFeed.Data.Papers;

namespace PaperFeed.Web.Pages;

/// <summary>The home page: the newest papers. (The daily/weekly/monthly feed replaces it in the Web UI work.)</summary>
public sealed class IndexModel(PaperFeedDbContext db) : PageModel
{
    private const int PageSize = 30;
    private const int ExcerptLength = 320;

    public IReadOnlyList<Paper> Papers { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public async Task OnGetAsync(string? cursor, CancellationToken cancellationToken)
    {
        // A cursor that does not decode just shows the first page: this is a page for people, not an API.
        PaperCursor.TryDecode(cursor, out var after);
        var page = await db.Papers.NewestAsync(after, PageSize, cancellationToken);
        Papers = page.Items;
        NextCursor = page.Next?.Encode();
    }

    public static string AuthorLine(IReadOnlyList<string> authors) =>
        authors.Count <= 3 ? string.Join(", ", authors) : $"{string.Join(", ", authors.Take(3))} et al.";

    public static string Excerpt(string text) =>
        text.Length <= ExcerptLength ? text : text[..text.LastIndexOf(' ', ExcerptLength)] + " …";
}
