using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperFeed.Data.Search.Semantic;
using PaperFeed.Embeddings.Corpus;

namespace PaperFeed.Data.Embeddings;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Embedding providers (the corpus one built in; <c>onnx</c> and <c>openai</c> when selected or configured, see
    /// <see cref="ConfiguredEmbeddingProviders"/>), model lifecycle, and <see cref="SemanticSearch"/>; bound from the
    /// <c>Embeddings</c> section. The configured provider must be registered (checked at start-up).
    /// </summary>
    public static IServiceCollection AddPaperFeedEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddingOptions>()
            .Bind(configuration.GetSection(EmbeddingOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.ActiveModelCheckInterval >= TimeSpan.Zero, "Embeddings:PollInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, ConfiguredProviderIsRegistered>();
        services.AddSingleton<EmbeddingProvider, CorpusEmbeddingProvider>();
        services.AddSingleton(new RegisteredProviderName(CorpusEmbeddingGenerator.ProviderName));
        services.AddConfiguredEmbeddingProviders(configuration);
        services.AddSingleton<EmbeddingProviders>();
        services.AddSingleton<EmbeddingGenerators>();
        services.AddSingleton<ActiveEmbeddingModel>();
        services.AddSingleton<EmbeddingModelLifecycle>();
        services.AddSingleton<PaperEmbedder>();
        services.AddSingleton<EmbeddingMaintenance>();
        services.AddSingleton<SemanticSearch>();
        return services;
    }

    /// <summary>
    /// Registers a provider whose model comes from configuration, e.g.
    /// <c>services.AddEmbeddingProvider("onnx", sp => new ExternalEmbeddingModel(generator, "all-MiniLM-L6-v2", 384))</c>
    /// (<c>create</c> runs on first use). Selecting it (<c>Embeddings:Provider=onnx</c>) re-embeds every paper in the
    /// background, then switches.
    /// </summary>
    public static IServiceCollection AddEmbeddingProvider(
        this IServiceCollection services, string name, Func<IServiceProvider, ExternalEmbeddingModel> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        services.AddSingleton<EmbeddingProvider>(sp => new ExternalEmbeddingProvider(name, () => create(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new RegisteredProviderName(name));
        return services;
    }

    /// <summary>A provider's name, known without building the provider (which itself needs the validated options).</summary>
    private sealed record RegisteredProviderName(string Name);

    private sealed class ConfiguredProviderIsRegistered(IEnumerable<RegisteredProviderName> providers) : IValidateOptions<EmbeddingOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
        {
            var names = providers.Select(p => p.Name).ToList();
            // The configurable providers are named even when not registered: selecting one registers it.
            return names.Contains(options.Provider, StringComparer.Ordinal)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Embeddings:Provider '{options.Provider}' is not a registered provider ({string.Join(", ", names.Union(ConfiguredEmbeddingProviders.Names))}).");
        }
    }
}
