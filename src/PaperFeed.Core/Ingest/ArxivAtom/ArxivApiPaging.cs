namespace PaperFeed.Core.Ingest.ArxivAtom;

/// <summary>
/// The OpenSearch numbers of one arXiv API response page
/// (https://info.arxiv.org/help/api/user-manual.html#_opensearch_extension_elements).
/// </summary>
/// <param name="TotalResults">How many entries the whole query matches.</param>
/// <param name="StartIndex">The 0-based index of this page's first entry (the request's <c>start</c>).</param>
/// <param name="ItemsPerPage">The page size asked for (the request's <c>max_results</c>), not the entries on this page.</param>
public sealed record ArxivApiPaging(int TotalResults, int StartIndex, int ItemsPerPage)
{
    /// <summary>The <c>start</c> of the next page.</summary>
    public int NextStartIndex => StartIndex + ItemsPerPage;

    /// <summary>
    /// True while pages remain by the numbers. arXiv now and then answers a page with fewer entries than
    /// asked for, or none, though more exist; a client should retry such a page rather than stop.
    /// </summary>
    public bool HasMorePages => NextStartIndex < TotalResults;
}
