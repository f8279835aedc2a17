using System.Globalization;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>
/// One arXiv API query to page through (https://info.arxiv.org/help/api/user-manual.html#_query_interface).
/// </summary>
/// <param name="Endpoint">The API's query URL, e.g. https://export.arxiv.org/api/query.</param>
/// <param name="SearchQuery">The <c>search_query</c>, e.g. <c>cat:cs.CL</c>.</param>
/// <param name="IdList">The <c>id_list</c>: comma-separated arXiv ids.</param>
/// <param name="Start">The index of the first result wanted.</param>
/// <param name="PageSize">The <c>max_results</c> of each request.</param>
/// <param name="MaxResults">How many results to fetch in all; null for all that the query matches.</param>
internal sealed record ArxivApiQuery(
    Uri Endpoint, string? SearchQuery, string? IdList, string? SortBy, string? SortOrder, int Start, int PageSize, int? MaxResults)
{
    /// <summary>The API refuses more results per request ("slices of at most 2000").</summary>
    public const int MaxPageSize = 2000;

    /// <summary>The API's own page size when a URL gives no <c>max_results</c>.</summary>
    public const int DefaultPageSize = 10;

    /// <summary>Names the query in ingest runs and checkpoints: its first page's URL.</summary>
    public string SourceKey => PageUrl(Start, PageSize).ToString();

    public Uri PageUrl(int start, int count) => LiveUrls.WithQuery(
        Endpoint,
        ("search_query", SearchQuery),
        ("id_list", IdList),
        ("sortBy", SortBy),
        ("sortOrder", SortOrder),
        ("start", start.ToString(CultureInfo.InvariantCulture)),
        ("max_results", count.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Reads a query from an API URL (one with a <c>search_query</c> or an <c>id_list</c>): its
    /// <c>max_results</c> becomes the page size, and every result from its <c>start</c> on is fetched.
    /// </summary>
    public static bool TryFromUrl(Uri url, out ArxivApiQuery query)
    {
        ArgumentNullException.ThrowIfNull(url);
        var parameters = LiveUrls.QueryOf(url);
        var searchQuery = parameters.GetValueOrDefault("search_query");
        var idList = parameters.GetValueOrDefault("id_list");
        if (string.IsNullOrEmpty(searchQuery) && string.IsNullOrEmpty(idList))
        {
            query = null!;
            return false;
        }

        query = new ArxivApiQuery(
            new Uri(url.GetLeftPart(UriPartial.Path)),
            NullIfEmpty(searchQuery),
            NullIfEmpty(idList),
            parameters.GetValueOrDefault("sortBy"),
            parameters.GetValueOrDefault("sortOrder"),
            Number(parameters, "start") ?? 0,
            Math.Clamp(Number(parameters, "max_results") ?? DefaultPageSize, 1, MaxPageSize),
            MaxResults: null);
        return true;
    }

    private static int? Number(Dictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
