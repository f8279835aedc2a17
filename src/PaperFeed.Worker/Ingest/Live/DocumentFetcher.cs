using PaperFeed.Core.Ingest;
using PaperFeed.Data.Ingest;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>
/// Ingests documents that come whole in one answer (arXiv's listing feeds, the Hugging Face daily papers, any other
/// URL), as one ingest run. A document that fails is reported and the others are still stored.
/// </summary>
internal sealed class DocumentFetcher(SourceFetcher fetcher, PaperIngester ingester)
{
    /// <param name="format">The format of every document; null to detect it from each one.</param>
    public async Task<IngestOutcome> IngestAsync(
        string sourceName, IReadOnlyList<Uri> urls, string? format, CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var run = await ingester.StartRunAsync(sourceName, format, cancellationToken);
        var errors = new List<string>();
        long bytes = 0;
        foreach (var url in urls)
        {
            try
            {
                var document = await fetcher.GetAsync(url, cancellationToken);
                bytes += document.Length;
                await ingester.WriteAsync(run, new MemoryStream(document), url.ToString(), cancellationToken);
                progress?.Report(new IngestProgress(run.Counts.Records, bytes));
            }
            catch (Exception e) when (e is SourceFormatException or SourceFetchException)
            {
                errors.Add(e.Message);
            }
        }

        return await ingester.FinishRunAsync(run, errors.Count == 0 ? null : string.Join("; ", errors), cancellationToken);
    }
}
