using System.Runtime.InteropServices;

namespace PaperFeed.Core.Search;

/// <summary>
/// A paper as BM25F sees it: the analysed length of each field and how often each term occurs in each. Its
/// <see cref="Weigh"/> gives the stored per-term weights <c>tf~ / (k1 + tf~)</c>, where
/// <c>tf~ = Σ_f w_f · tf_f / (1 − b + b · len_f / avglen_f)</c>; a query's score is then Σ idf × weight over its
/// terms, an inner product.
/// </summary>
public sealed class Bm25FDocument
{
    /// <summary>Text beyond this is not analysed: no real title or abstract comes near, and the cost stays bounded.</summary>
    public const int MaxTitleChars = 4_096;

    public const int MaxAbstractChars = 65_536;

    /// <summary>pgvector's sparsevec holds at most 16,000 non-zero entries: a paper keeps its heaviest terms.</summary>
    public const int MaxTerms = 16_000;

    private readonly Dictionary<int, FieldFrequencies> _frequencies;

    private Bm25FDocument(Dictionary<int, FieldFrequencies> frequencies, int titleLength, int abstractLength)
    {
        _frequencies = frequencies;
        TitleLength = titleLength;
        AbstractLength = abstractLength;
    }

    /// <summary>Title length in analysed terms (stopwords excluded).</summary>
    public int TitleLength { get; }

    public int AbstractLength { get; }

    public int TermCount => _frequencies.Count;

    public static Bm25FDocument Analyze(string? title, string? @abstract)
    {
        var frequencies = new Dictionary<int, FieldFrequencies>();
        var titleTerms = SearchTextAnalyzer.TermIds(Cut(title, MaxTitleChars));
        var abstractTerms = SearchTextAnalyzer.TermIds(Cut(@abstract, MaxAbstractChars));
        foreach (var id in titleTerms)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(frequencies, id, out _).Title++;
        }

        foreach (var id in abstractTerms)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(frequencies, id, out _).Abstract++;
        }

        return new Bm25FDocument(frequencies, titleTerms.Count, abstractTerms.Count);
    }

    /// <summary>How often the term occurs in the title and in the abstract.</summary>
    public (int Title, int Abstract) FrequencyOf(int termId) =>
        _frequencies.TryGetValue(termId, out var f) ? (f.Title, f.Abstract) : (0, 0);

    /// <summary>
    /// The paper's term ids in ascending order with their BM25F weights, each in (0, 1). An average length of 0
    /// (nothing indexed yet) counts as this paper's own length.
    /// </summary>
    public TermWeights Weigh(Bm25Options options, double averageTitleLength, double averageAbstractLength)
    {
        ArgumentNullException.ThrowIfNull(options);
        var titleNorm = LengthNorm(options.B, TitleLength, averageTitleLength);
        var abstractNorm = LengthNorm(options.B, AbstractLength, averageAbstractLength);
        var entries = new List<(int Id, float Weight)>(_frequencies.Count);
        foreach (var (id, f) in _frequencies)
        {
            var tf = (options.TitleWeight * f.Title / titleNorm) + (options.AbstractWeight * f.Abstract / abstractNorm);
            if (tf > 0)
            {
                entries.Add((id, (float)(tf / (options.K1 + tf))));
            }
        }

        if (entries.Count > MaxTerms)
        {
            entries.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Id.CompareTo(b.Id));
            entries.RemoveRange(MaxTerms, entries.Count - MaxTerms);
        }

        entries.Sort((a, b) => a.Id.CompareTo(b.Id));
        return new TermWeights([.. entries.Select(e => e.Id)], [.. entries.Select(e => e.Weight)]);
    }

    private static double LengthNorm(double b, int length, double average) =>
        average > 0 ? 1 - b + (b * length / average) : 1;

    private static string? Cut(string? text, int maxChars) =>
        text is { Length: > 0 } && text.Length > maxChars ? text[..maxChars] : text;

    private struct FieldFrequencies
    {
        public int Title;
        public int Abstract;
    }
}

/// <summary>A paper's term ids (ascending) and their BM25F weights, index for index.</summary>
public sealed record TermWeights(int[] Ids, float[] Weights);
