using System.Globalization;
using Polly.Timeout;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>
/// The HTTP client of every live source: a typed client, which
/// <see cref="IngestServiceCollectionExtensions.AddLiveSources"/> gives the User-Agent, the retries with backoff
/// and time-outs, and the pace. Each answer is one page of a harvest, small enough to hold in memory, so that it
/// is stored and checkpointed before the next is asked for.
/// </summary>
internal sealed class SourceFetcher(HttpClient http)
{
    /// <summary>Gets a document; an answer other than 2xx, after the retries, fails with <see cref="SourceFetchException"/>.</summary>
    public async Task<byte[]> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? body
                : throw new SourceFetchException(
                    url, string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"), response.StatusCode, body);
        }
        catch (TimeoutRejectedException e)
        {
            throw new SourceFetchException(
                url, string.Create(CultureInfo.InvariantCulture, $"no answer in time ({e.Timeout.TotalSeconds:0.###} s)"), innerException: e);
        }
        catch (HttpRequestException e)
        {
            throw new SourceFetchException(url, e.Message, e.StatusCode, innerException: e);
        }
    }
}
