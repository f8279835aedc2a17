using System.Globalization;
using Microsoft.Extensions.Options;
using PaperFeed.Core.Ingest.ArxivListing;
using PaperFeed.Core.Ingest.HuggingFace;
using PaperFeed.Data.Ingest;
using PaperFeed.Worker.Ingest.Live;

namespace PaperFeed.Worker.Ingest;

/// <summary>Ingests one scheduled source, whatever its kind: its files, or the live source it names.</summary>
internal sealed class ScheduledSourceRunner(
    PaperIngester ingester,
    ArxivApiHarvester arxivApi,
    OaiPmhHarvester oaiPmh,
    DocumentFetcher documents,
    IOptions<ArxivOptions> arxiv,
    IOptions<HuggingFaceOptions> huggingFace)
{
    public async Task<IReadOnlyList<IngestOutcome>> RunAsync(ScheduledSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind switch
        {
            ScheduledSourceKind.File => await IngestFilesAsync(source, cancellationToken),
            ScheduledSourceKind.ArxivApi => [await arxivApi.HarvestAsync(ApiQueryOf(source), cancellationToken)],
            ScheduledSourceKind.ArxivOai => [await oaiPmh.HarvestAsync(OaiRequestOf(source), cancellationToken)],
            ScheduledSourceKind.ArxivRss => [await IngestListingFeedsAsync(source, cancellationToken)],
            ScheduledSourceKind.HuggingFaceDailyPapers => [await IngestDailyPapersAsync(source, cancellationToken)],
            _ => throw new InvalidOperationException($"unknown scheduled source kind '{source.Kind}'"), // refused at start-up
        };
    }

    private async Task<IReadOnlyList<IngestOutcome>> IngestFilesAsync(ScheduledSource source, CancellationToken cancellationToken)
    {
        var outcomes = new List<IngestOutcome>();
        foreach (var file in SourcePaths.Expand([source.Path!]))
        {
            outcomes.Add(await ingester.IngestFileAsync(file, source.Format, cancellationToken));
        }

        return outcomes;
    }

    private ArxivApiQuery ApiQueryOf(ScheduledSource source) => new(
        arxiv.Value.ApiBaseUrl, source.Query, IdList: null, source.SortBy, source.SortOrder,
        Start: 0, Math.Min(source.PageSize, source.MaxResults), source.MaxResults);

    private OaiHarvestRequest OaiRequestOf(ScheduledSource source) =>
        new(arxiv.Value.OaiBaseUrl, source.MetadataPrefix, source.Set, source.From, source.Until, Incremental: true);

    /// <summary>One feed per category, so that a wrong category fails alone (arXiv answers it with an error feed).</summary>
    private Task<IngestOutcome> IngestListingFeedsAsync(ScheduledSource source, CancellationToken cancellationToken)
    {
        var feeds = LiveUrls.AsDirectory(arxiv.Value.RssBaseUrl);
        var urls = source.Categories.Select(category => new Uri(feeds, Uri.EscapeDataString(category.Trim()))).ToList();
        return documents.IngestAsync(
            $"{feeds}{string.Join('+', source.Categories)}", urls, ArxivListingParser.FormatName, cancellationToken);
    }

    private Task<IngestOutcome> IngestDailyPapersAsync(ScheduledSource source, CancellationToken cancellationToken)
    {
        var url = LiveUrls.WithQuery(
            new Uri(LiveUrls.AsDirectory(huggingFace.Value.ApiBaseUrl), "daily_papers"),
            ("limit", source.Limit.ToString(CultureInfo.InvariantCulture)));
        return documents.IngestAsync(url.ToString(), [url], HuggingFacePapersParser.FormatName, cancellationToken);
    }
}
