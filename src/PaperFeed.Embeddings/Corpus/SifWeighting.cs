namespace PaperFeed.Embeddings.Corpus;

/// <summary>Smooth inverse frequency: frequent words ("the", "we", "model") weigh little, rare ones nearly 1.</summary>
public static class SifWeighting
{
    /// <summary>The a of a / (a + p(w)) that Arora et al. found to work across corpora (1e-3 to 1e-4).</summary>
    public const float DefaultA = 1e-3f;

    public static float Weight(float a, float probability) => a / (a + probability);
}
