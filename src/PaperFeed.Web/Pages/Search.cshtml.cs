using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperFeed.Core.Latex;
using PaperFeed.Core.Search;
using PaperFeed.Data;
using PaperFeed.Data.Recommendations;
using PaperFeed.Data.Search;
using PaperFeed.Web.Search;

namespace PaperFeed.Web.Pages;

/// <summary>Search with filters (dates, category), highlighted matches and paging; validated as the REST API validates.</summary>
public sealed class SearchModel(PaperFeedDbContext db, PaperSearch search, VisitorHistory history) : PageModel
{
    public const int PageSize = 20;

    public string Query { get; private set; } = "";

    public string Mode { get; private set; } = "hybrid";

    public string? From { get; private set; }

    public string? To { get; private set; }

    public string? Category { get; private set; }

    public IReadOnlyList<PaperCard> Cards { get; private set; } = [];

    /// <summary>What was wrong with the request, by parameter: shown next to the fields.</summary>
    public Dictionary<string, string[]> Errors { get; } = [];

    public string? Notice { get; private set; }

    public string? NextPageUrl { get; private set; }

    public int FirstRank { get; private set; } = 1;

    public bool Searched { get; private set; }

    public async Task OnGetAsync(string? q, string? mode, string? from, string? to, string? category, string? cursor, CancellationToken cancellationToken)
    {
        (Query, Mode, From, To, Category) = (q?.Trim() ?? "", mode ?? "hybrid", Blank(from), Blank(to), Blank(category));
        if (Query.Length == 0)
        {
            return; // the empty form
        }

        Searched = true;
        var request = SearchRequest.Validate(Query, Mode, From, To, Category, PageSize, cursor, Errors);
        if (request is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (request.Mode == SearchMode.Semantic && !await search.IsSemanticReadyAsync(cancellationToken))
        {
            Notice = "Search by meaning needs the semantic model, which is not ready yet. Try words or hybrid search.";
            return;
        }

        var found = await SearchResults.RunAsync(search, db, request, cancellationToken);
        var highlighter = SearchHighlighter.For(request.Query);
        var cards = await PaperCard.ForAsync(found.Items.Select(f => f.Paper), history, Request, cancellationToken);
        Cards = cards.Select(c => c with
        {
            Highlights = (highlighter.Highlight(LatexText.ToPlainText(c.Paper.Title)), highlighter.Snippet(LatexText.ToPlainText(c.Paper.Abstract))),
        }).ToList();
        FirstRank = request.Offset + 1;
        NextPageUrl = found.NextOffset is { } offset ? UrlWith(SearchCursor.Encode(offset, request.Scope)) : null;
    }

    /// <summary>This search's URL, on another page or as its Atom feed.</summary>
    public string UrlWith(string? cursor, string path = "/search")
    {
        var query = new Dictionary<string, string?> { ["q"] = Query, ["mode"] = Mode, ["from"] = From, ["to"] = To, ["category"] = Category, ["cursor"] = cursor };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
