using System.ComponentModel.DataAnnotations;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>
/// Configuration section <c>Fetch</c>: how the worker talks to live sources (the arXiv API, OAI-PMH and RSS, the
/// Hugging Face API): its User-Agent, its pace, and its retries.
/// </summary>
internal sealed class FetchOptions : IValidatableObject
{
    public const string Section = "Fetch";

    /// <summary>Sent with every request, so that the services can tell who asks (add a contact address for arXiv: https://info.arxiv.org/help/api/tou.html).</summary>
    public string UserAgent { get; init; } = "PaperFeed/1.0 (self-hosted research-paper digest)";

    /// <summary>
    /// The least time between the starts of two requests. The arXiv API terms ask for "no more than one request
    /// every three seconds" (https://info.arxiv.org/help/api/tou.html); one pace for every source keeps it simple.
    /// </summary>
    public TimeSpan RequestInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of a request that failed with a 5xx, 408 or 429 status, a network error, or a time-out.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>
    /// The first retry's delay, doubled for each further one (with jitter). A <c>Retry-After</c> header, which
    /// arXiv's OAI-PMH sends with its 503 answers, takes precedence.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt may take before it counts as timed out and is retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take in all, retries and their delays included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            yield return new ValidationResult($"{Section}:UserAgent must not be empty.");
        }

        if (RequestInterval < TimeSpan.Zero || RequestInterval > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"{Section}:RequestInterval must be between 0 and 10 minutes.");
        }

        if (MaxRetries is < 0 or > 20)
        {
            yield return new ValidationResult($"{Section}:MaxRetries must be between 0 and 20.");
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"{Section}:RetryDelay must be between 0 and 1 hour.");
        }

        // Polly's own bounds for a timeout strategy.
        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"{Section}:AttemptTimeout must be between 10 ms and 1 hour.");
        }

        if (TotalTimeout < AttemptTimeout || TotalTimeout > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"{Section}:TotalTimeout must be at least AttemptTimeout and at most 1 day.");
        }
    }
}
