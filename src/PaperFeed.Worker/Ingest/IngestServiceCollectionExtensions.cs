using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PaperFeed.Worker.Ingest.Live;
using Polly;

namespace PaperFeed.Worker.Ingest;

/// <summary>The worker's ingest wiring: the live sources (HTTP client, harvesters) and the scheduler.</summary>
internal static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Live sources: one typed HTTP client for all of them, with a User-Agent, retries with exponential backoff on
    /// 5xx/408/429, network errors and time-outs (honouring <c>Retry-After</c>), a time-out per attempt and in all,
    /// and every attempt paced by <see cref="RequestPacer"/>.
    /// </summary>
    public static IServiceCollection AddLiveSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ArxivOptions>().Bind(configuration.GetSection(ArxivOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HuggingFaceOptions>().Bind(configuration.GetSection(HuggingFaceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<RequestPacer>();
        services.AddTransient<PacedRequestHandler>();
        var client = services.AddHttpClient<SourceFetcher>((sp, http) =>
        {
            // The resilience pipeline times requests out, retries included; HttpClient's own 100 s would cut it short.
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", sp.GetRequiredService<IOptions<FetchOptions>>().Value.UserAgent);
        });
        client.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        client.AddResilienceHandler("live-source", (pipeline, context) =>
            AddRetriesAndTimeouts(pipeline, context.ServiceProvider.GetRequiredService<IOptions<FetchOptions>>().Value));
        client.AddHttpMessageHandler<PacedRequestHandler>(); // added after, so inside the retries: each attempt waits its turn

        services.AddScoped<HarvestCheckpoints>();
        services.AddScoped<ArxivApiHarvester>();
        services.AddScoped<OaiPmhHarvester>();
        services.AddScoped<DocumentFetcher>();
        services.AddScoped<UrlIngester>();
        return services;
    }

    private static void AddRetriesAndTimeouts(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FetchOptions fetch)
    {
        pipeline.AddTimeout(fetch.TotalTimeout);
        if (fetch.MaxRetries > 0) // Polly refuses a retry strategy without retries
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = fetch.MaxRetries,
                Delay = fetch.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            });
        }

        pipeline.AddTimeout(fetch.AttemptTimeout);
    }

    /// <summary>The scheduler (<c>run</c>): its sources are checked at start-up, cron expressions included.</summary>
    public static IServiceCollection AddScheduledIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScheduledIngestOptions>().Bind(configuration.GetSection(ScheduledIngestOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduledIngestOptions>, ScheduledIngestOptionsValidator>();
        services.AddScoped<ScheduledSourceRunner>();
        services.AddSingleton<ScheduledIngestService>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledIngestService>());
        return services;
    }
}
