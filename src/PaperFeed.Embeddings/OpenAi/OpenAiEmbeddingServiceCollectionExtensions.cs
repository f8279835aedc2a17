using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace PaperFeed.Embeddings.OpenAi;

public static class OpenAiEmbeddingServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> the generator uses.</summary>
    public const string HttpClientName = "PaperFeed.Embeddings.OpenAi";

    /// <summary>
    /// Registers <see cref="OpenAiEmbeddingGenerator"/> (transient: each one gets a fresh client from
    /// <see cref="IHttpClientFactory"/>, whose handlers are pooled) with <see cref="OpenAiEmbeddingOptions"/> bound from
    /// <c>Embeddings:OpenAi</c>, and its HTTP client with retries and exponential backoff on 5xx/408/429, network errors
    /// and time-outs (honouring <c>Retry-After</c>), a time-out per attempt and one in all. The options are checked
    /// when a generator is made, not at start-up: whether this provider is used at all is the registry's decision.
    /// </summary>
    public static IHttpClientBuilder AddOpenAiEmbeddingGenerator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OpenAiEmbeddingOptions>().Bind(configuration.GetSection(OpenAiEmbeddingOptions.Section));
        services.AddTransient(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OpenAiEmbeddingOptions>>().Value;
            OptionsValidation.ThrowIfInvalid(options); // before the client: its pipeline is built from these options
            return new OpenAiEmbeddingGenerator(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), options);
        });

        // The resilience pipeline times requests out, retries included; HttpClient's own 100 s would cut it short.
        var client = services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("openai-embeddings", (pipeline, context) =>
            AddRetriesAndTimeouts(pipeline, context.ServiceProvider.GetRequiredService<IOptions<OpenAiEmbeddingOptions>>().Value));
        return client;
    }

    private static void AddRetriesAndTimeouts(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, OpenAiEmbeddingOptions options)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0) // Polly refuses a retry strategy without retries
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }
}
