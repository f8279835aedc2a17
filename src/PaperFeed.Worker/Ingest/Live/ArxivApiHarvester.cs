using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivAtom;
using PaperFeed.Data.Ingest;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>
/// Pages through an arXiv API query, storing each page as it arrives, all as one ingest run. The next
/// <c>start</c> is checkpointed after each page, so a harvest stopped by a crash resumes at the page it had reached.
/// </summary>
internal sealed partial class ArxivApiHarvester(
    SourceFetcher fetcher, PaperIngester ingester, HarvestCheckpoints checkpoints, ILogger<ArxivApiHarvester> logger)
{
    /// <summary>
    /// arXiv now and then answers a page with no entries although more exist; asking again usually gets them
    /// (the OpenSearch numbers say how many there are: <see cref="ArxivApiPaging.HasMorePages"/>).
    /// </summary>
    public const int EmptyPageRetries = 3;

    public async Task<IngestOutcome> HarvestAsync(ArxivApiQuery query, CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var start = await ResumePointAsync(query, cancellationToken);
        var run = await ingester.StartRunAsync(query.SourceKey, ArxivAtomParser.FormatName, cancellationToken);
        string? error = null;
        try
        {
            await PageThroughAsync(query, run, start, cancellationToken, progress);
        }
        catch (Exception e) when (e is SourceFormatException or SourceFetchException)
        {
            error = e.Message;
        }

        return await ingester.FinishRunAsync(run, error, cancellationToken);
    }

    private async Task<int> ResumePointAsync(ArxivApiQuery query, CancellationToken cancellationToken)
    {
        if (await checkpoints.FindAsync(query.SourceKey, cancellationToken) is { Token: { } token }
            && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            LogResuming(logger, query.SourceKey, start);
            return start;
        }

        return query.Start;
    }

    private async Task PageThroughAsync(
        ArxivApiQuery query, OpenIngestRun run, int start, CancellationToken cancellationToken, IProgress<IngestProgress>? progress)
    {
        var end = query.MaxResults is { } max ? query.Start + max : int.MaxValue;
        var emptyAnswers = 0;
        long bytes = 0;
        while (start < end)
        {
            var url = query.PageUrl(start, Math.Min(query.PageSize, end - start));
            var page = await FetchPageAsync(url, cancellationToken);
            bytes += page.Length;
            var paging = ArxivAtomFeed.ReadPaging(new StreamReader(new MemoryStream(page)), url.ToString());
            var recordsBefore = run.Counts.Records;
            await ingester.WriteAsync(run, new MemoryStream(page), url.ToString(), cancellationToken);
            progress?.Report(new IngestProgress(run.Counts.Records, bytes));

            var entries = (int)(run.Counts.Records - recordsBefore);
            end = Math.Min(end, paging.TotalResults);
            if (entries == 0 && start < end)
            {
                if (++emptyAnswers > EmptyPageRetries)
                {
                    throw new SourceFetchException(url, $"no entries in {emptyAnswers} answers, although the query has {paging.TotalResults} results");
                }

                continue;
            }

            emptyAnswers = 0;
            start += entries; // not ItemsPerPage: a short page would otherwise skip the results it left out
            if (start < end)
            {
                await checkpoints.SaveProgressAsync(query.SourceKey, start.ToString(CultureInfo.InvariantCulture), null, null, cancellationToken);
            }
        }

        await checkpoints.SaveCompletedAsync(query.SourceKey, harvestedUntil: null, cancellationToken);
    }

    /// <summary>A bad query is answered with status 400 and an Atom feed that explains it: report the explanation.</summary>
    private async Task<byte[]> FetchPageAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await fetcher.GetAsync(url, cancellationToken);
        }
        catch (SourceFetchException e) when (e.Status == HttpStatusCode.BadRequest && e.Body.Count > 0 && ExplanationIn(e.Body) is { } explanation)
        {
            throw new SourceFetchException(url, $"HTTP 400: {explanation}", e.Status, [.. e.Body], e);
        }
    }

    private static string? ExplanationIn(IReadOnlyList<byte> body)
    {
        try
        {
            ArxivAtomFeed.ReadPaging(new StreamReader(new MemoryStream([.. body])));
            return null;
        }
        catch (SourceFormatException e)
        {
            return e.Reason; // "arXiv API error: incorrect id format for abc"
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Source} at start={Start}, where an interrupted harvest stopped")]
    private static partial void LogResuming(ILogger logger, string source, int start);
}
