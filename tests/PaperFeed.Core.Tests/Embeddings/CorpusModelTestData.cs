using PaperFeed.Embeddings.Corpus;

namespace PaperFeed.Core.Tests.Embeddings;

/// <summary>A hand-made model: four words on known axes, so that every weight and projection can be checked by hand.</summary>
internal static class CorpusModelTestData
{
    public const float A = 1e-3f;

    /// <summary>"the" is frequent (p 0.05), the others rare; the principal component is the first axis.</summary>
    public static CorpusModel Create(float[]? component = null) => new(
        ["the", "graph", "neural", "speech"],
        [
            1, 0, 0, 0,
            0, 1, 0, 0,
            0, 0, 1, 0,
            0, 0, 0, 1,
        ],
        [0.05f, 1e-4f, 2e-4f, 1e-3f],
        dimensions: 4,
        sifA: A,
        principalComponent: component ?? [1, 0, 0, 0]);
}
