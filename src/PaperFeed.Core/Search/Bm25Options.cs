using System.Globalization;

namespace PaperFeed.Core.Search;

/// <summary>
/// BM25F's parameters (configuration section <c>Search:Bm25</c>). The defaults are the best measured on this corpus
/// (research relevance notes: k1 0.9, b 0.5, title and abstract weighted 1:1, MRR@10 0.841). They shape the
/// stored per-paper weights, so changing one makes the indexer recompute every paper's weights.
/// </summary>
public sealed class Bm25Options
{
    public const string Section = "Search:Bm25";

    /// <summary>Term-frequency saturation: how soon repeating a word stops adding to a paper's score.</summary>
    public double K1 { get; set; } = 0.9;

    /// <summary>Length normalisation, 0 (none) to 1 (full): how much a long abstract's repetitions are discounted.</summary>
    public double B { get; set; } = 0.5;

    /// <summary>How much an occurrence in the title counts, relative to <see cref="AbstractWeight"/>.</summary>
    public double TitleWeight { get; set; } = 1;

    public double AbstractWeight { get; set; } = 1;

    public bool IsValid =>
        K1 is > 0 and <= 100 && B is >= 0 and <= 1
        && TitleWeight is >= 0 and <= 100 && AbstractWeight is >= 0 and <= 100
        && TitleWeight + AbstractWeight > 0;

    public const string ValidationMessage =
        "Search:Bm25 needs K1 in (0, 100], B in [0, 1], and TitleWeight and AbstractWeight in [0, 100], not both 0.";

    /// <summary>What the stored weights depend on besides the corpus: the analyzer and these parameters.</summary>
    public string Signature => string.Create(
        CultureInfo.InvariantCulture,
        $"{SearchTextAnalyzer.Version};k1={K1:R};b={B:R};title={TitleWeight:R};abstract={AbstractWeight:R}");
}
