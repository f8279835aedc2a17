namespace PaperFeed.Data.Digests;

/// <summary>Digest content, retries and suspension, bound from <c>Digests</c>.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>Trending papers of the period in each digest.</summary>
    public int TrendingCount { get; set; } = 5;

    /// <summary>Papers picked for the subscriber's interests and followed papers.</summary>
    public int PickCount { get; set; } = 5;

    /// <summary>How long a confirmation link works.</summary>
    public TimeSpan ConfirmationLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Delivery attempts of one mail before it counts as failed (transient failures: 4xx, connection errors).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first transient failure; it doubles with each further one, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Permanent failures in a row after which an address is suspended.</summary>
    public int SuspendAfterFailures { get; set; } = 3;

    /// <summary>A mail claimed this long ago and still not recorded as sent was lost with its sender: it becomes InDoubt.</summary>
    public TimeSpan SendingTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Subscribers composed per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    internal bool IsValid =>
        TrendingCount is >= 0 and <= 50 && PickCount is >= 0 and <= 50 && TrendingCount + PickCount > 0
        && ConfirmationLinkLifetime > TimeSpan.Zero && MaxAttempts >= 1 && RetryBaseDelay > TimeSpan.Zero
        && RetryMaxDelay >= RetryBaseDelay && SuspendAfterFailures >= 1 && SendingTimeout > TimeSpan.Zero
        && BatchSize is >= 1 and <= 10_000;

    internal const string ValidationMessage =
        "Digests: TrendingCount and PickCount 0..50 (not both 0), positive ConfirmationLinkLifetime, RetryBaseDelay <= RetryMaxDelay and SendingTimeout, MaxAttempts and SuspendAfterFailures >= 1, BatchSize 1..10000.";
}

/// <summary>The site's public address, bound from <c>PaperFeed:PublicBaseUrl</c>: every link in a mail starts with it.</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "PaperFeed";

    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    internal bool IsValid =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query);

    internal const string ValidationMessage = "PaperFeed:PublicBaseUrl must be an absolute http(s) URL without a query, such as https://papers.example.org.";

    /// <summary>The base without a trailing slash, to append paths to.</summary>
    public string Base => PublicBaseUrl.TrimEnd('/');
}
