using PaperFeed.Data.Ingest;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>
/// <c>ingest URL</c>: a URL of the arXiv API (with a <c>search_query</c> or an <c>id_list</c>) is paged to the end
/// of its results, an OAI-PMH <c>ListRecords</c> URL is harvested following its tokens (resuming an interrupted
/// harvest of the same URL), and any other URL is fetched once.
/// </summary>
internal sealed class UrlIngester(ArxivApiHarvester api, OaiPmhHarvester oai, DocumentFetcher documents)
{
    /// <param name="format">Forces the format of a URL fetched once; API and OAI-PMH answers have their own.</param>
    public Task<IngestOutcome> IngestAsync(Uri url, string? format, CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null) =>
        ArxivApiQuery.TryFromUrl(url, out var query) ? api.HarvestAsync(query, cancellationToken, progress)
        : OaiHarvestRequest.TryFromUrl(url, out var harvest) ? oai.HarvestAsync(harvest, cancellationToken, progress)
        : documents.IngestAsync(url.ToString(), [url], format, cancellationToken, progress);
}
