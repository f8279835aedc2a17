using Microsoft.Extensions.Options;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// The registered providers by name, and the configured one (<c>Embeddings:Provider</c>). Every provider stays
/// registered whatever the configuration says, so that a model stored by one can still be loaded after a switch:
/// its vectors keep serving until the new model is active.
/// </summary>
public sealed class EmbeddingProviders(IEnumerable<EmbeddingProvider> providers, IOptions<EmbeddingOptions> options)
{
    private readonly Dictionary<string, EmbeddingProvider> _byName = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The provider new models come from.</summary>
    public EmbeddingProvider Configured => Get(options.Value.Provider);

    /// <exception cref="InvalidOperationException">No provider has that name.</exception>
    public EmbeddingProvider Get(string name) =>
        _byName.TryGetValue(name, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Unknown embedding provider '{name}' (Embeddings:Provider); registered: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}.");
}
