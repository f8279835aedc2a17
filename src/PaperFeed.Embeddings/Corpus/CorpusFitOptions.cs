using System.ComponentModel.DataAnnotations;

namespace PaperFeed.Embeddings.Corpus;

/// <summary>
/// How the corpus model is trained: fastText's skip-gram on the papers' titles and abstracts. The defaults are the
/// measured best on PaperFeed's corpus (docs/search-quality.md, "Semantic model").
/// </summary>
public sealed class CorpusFitOptions
{
    [Range(8, 1024)]
    public int Dimensions { get; set; } = 200;

    /// <summary>Context window (words either side).</summary>
    [Range(1, 50)]
    public int Window { get; set; } = 8;

    /// <summary>Words seen fewer times are left out of the vocabulary.</summary>
    [Range(1, 1000)]
    public int MinCount { get; set; } = 3;

    [Range(1, 50)]
    public int Negative { get; set; } = 5;

    /// <summary>Frequent-word subsampling threshold (fastText's <c>-t</c>).</summary>
    [Range(0, 1)]
    public double Sample { get; set; } = 1e-4;

    [Range(1, 100)]
    public int Epochs { get; set; } = 8;

    /// <summary>Character n-gram lengths (fastText subwords); 0 for plain word2vec.</summary>
    [Range(0, 10)]
    public int MinN { get; set; }

    [Range(0, 10)]
    public int MaxN { get; set; }

    /// <summary>Training threads; 0 for one per processor.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>The SIF weight's a.</summary>
    [Range(1e-6, 1)]
    public double SifA { get; set; } = SifWeighting.DefaultA;

    /// <summary>The most frequent words kept; bounds the artifact (every word costs Dimensions × 2 bytes).</summary>
    [Range(1000, 5_000_000)]
    public int MaxVocabulary { get; set; } = 300_000;

    /// <summary>The fastText program (Debian package <c>fasttext</c>).</summary>
    [Required]
    public string FastTextPath { get; set; } = "fasttext";

    /// <summary>fastText's random seed, so that a refit of the same corpus is reproducible.</summary>
    public int Seed { get; set; }

    /// <summary>A short description for model names, e.g. <c>w2v-200d</c>.</summary>
    public string Describe() => MaxN > 0 ? $"ft{MinN}-{MaxN}-{Dimensions}d" : $"w2v-{Dimensions}d";
}
