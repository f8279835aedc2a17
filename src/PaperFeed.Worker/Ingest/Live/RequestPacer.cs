using Microsoft.Extensions.Options;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>
/// Spaces the starts of requests by <see cref="FetchOptions.RequestInterval"/>, process-wide (and only one worker
/// ingests at a time). Not a token bucket from System.Threading.RateLimiting: that refills on a fixed timer, so two
/// requests on either side of a refill go out almost together, and arXiv asks for three seconds between any two.
/// </summary>
internal sealed class RequestPacer(IOptions<FetchOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset? _lastStart;

    /// <summary>Waits until a request may start, and counts it as started.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.RequestInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (_lastStart is { } last && last + interval - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            _lastStart = clock.GetUtcNow();
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}

/// <summary>Puts each attempt of a request, retries included, through the <see cref="RequestPacer"/>.</summary>
internal sealed class PacedRequestHandler(RequestPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
