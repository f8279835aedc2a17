using System.ComponentModel.DataAnnotations;

namespace PaperFeed.Embeddings.OpenAi;

/// <summary>
/// Configuration section <c>Embeddings:OpenAi</c>: a server speaking OpenAI's <c>POST /v1/embeddings</c>, which
/// OpenAI, Ollama, Hugging Face's text-embeddings-inference (TEI) and vLLM all do.
/// </summary>
public sealed class OpenAiEmbeddingOptions : IValidatableObject
{
    public const string Section = "Embeddings:OpenAi";

    /// <summary>The server, e.g. <c>http://localhost:11434</c> (Ollama), <c>http://localhost:8080</c> (TEI), <c>https://api.openai.com</c>; a trailing <c>/v1</c> is allowed.</summary>
    public string BaseUrl { get; init; } = "";

    /// <summary>The model the server should use, e.g. <c>nomic-embed-text</c>, <c>text-embedding-3-small</c>.</summary>
    public string Model { get; init; } = "";

    /// <summary>Sent as <c>Authorization: Bearer</c> when set; local servers need none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Texts per request. TEI refuses more than 32 by default (<c>--max-client-batch-size</c>); OpenAI takes up to 2048.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The vector length expected back; every answer is checked against it when set.</summary>
    public int? Dimensions { get; init; }

    /// <summary>
    /// Also send <see cref="Dimensions"/> as the request's <c>dimensions</c>, for models that shorten their vectors on
    /// request (OpenAI's text-embedding-3). Off by default: some servers refuse the field.
    /// </summary>
    public bool SendDimensions { get; init; }

    /// <summary>Retries of a request that failed with a 5xx, 408 or 429 status, a network error, or a time-out.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first retry's delay, doubled for each further one (with jitter); a <c>Retry-After</c> header takes precedence.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one request may take before it counts as timed out and is retried (a CPU-bound local server embedding a full batch is slow).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long one batch may take in all, retries and their delays included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Where the requests go: <c>{BaseUrl}/v1/embeddings</c>.</summary>
    public Uri EmbeddingsEndpoint => EmbeddingsEndpointOf(BaseUrl)
        ?? throw new InvalidOperationException($"{Section}:BaseUrl '{BaseUrl}' is not an absolute http(s) URL.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EmbeddingsEndpointOf(BaseUrl) is null)
        {
            yield return new ValidationResult($"{Section}:BaseUrl must be an absolute http(s) URL, e.g. http://localhost:11434; it is '{BaseUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"{Section}:Model must name the embedding model, e.g. nomic-embed-text.");
        }

        if (BatchSize is < 1 or > 2048)
        {
            yield return new ValidationResult($"{Section}:BatchSize must be between 1 and 2048.");
        }

        if (Dimensions is < 1 or > 65536)
        {
            yield return new ValidationResult($"{Section}:Dimensions must be between 1 and 65536.");
        }

        if (SendDimensions && Dimensions is null)
        {
            yield return new ValidationResult($"{Section}:SendDimensions needs {Section}:Dimensions.");
        }

        if (MaxRetries is < 0 or > 20)
        {
            yield return new ValidationResult($"{Section}:MaxRetries must be between 0 and 20.");
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"{Section}:RetryDelay must be between 0 and 10 minutes.");
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

    internal static Uri? EmbeddingsEndpointOf(string? baseUrl)
    {
        if (!Uri.TryCreate(baseUrl?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var builder = new UriBuilder(uri)
        {
            Path = path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? $"{path}/embeddings" : $"{path}/v1/embeddings",
            Query = "",
            Fragment = "",
        };
        return builder.Uri;
    }
}
