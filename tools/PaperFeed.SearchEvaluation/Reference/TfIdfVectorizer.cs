using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperFeed.SearchEvaluation.Reference;

/// <summary>How many features the vocabulary keeps and which document frequencies it admits.</summary>
/// <param name="MaxFeatures">Keep the features with the highest total count in the corpus.</param>
/// <param name="MinDocumentFrequency">Drop features found in fewer documents than this.</param>
/// <param name="MaxDocumentFrequency">Drop features found in more than this share of the documents.</param>
internal sealed record TfIdfSettings(int MaxFeatures, int MinDocumentFrequency, double MaxDocumentFrequency)
{
    /// <summary>The defaults of arxiv-sanity-lite's compute.py: 20,000 features, min_df 5, max_df 0.1.</summary>
    public static TfIdfSettings ArxivSanityLite { get; } = new(20_000, 5, 0.1);
}

/// <summary>A vector with few non-zero entries: feature indexes and their weights.</summary>
internal sealed record SparseVector(int[] Indices, double[] Weights)
{
    public static SparseVector Empty { get; } = new([], []);
}

/// <summary>
/// TF-IDF as arxiv-sanity-lite computes it (compute.py: scikit-learn's TfidfVectorizer with
/// strip_accents='unicode', lowercase, stop_words='english', token_pattern (?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b,
/// ngram_range (1, 2), sublinear_tf, smooth_idf, norm 'l2'), reimplemented with scikit-learn's formulas:
/// weight = (1 + ln tf) * (ln((1 + n) / (1 + df)) + 1), then each vector scaled to unit length.
/// </summary>
internal sealed partial class TfIdfVectorizer
{
    private readonly Dictionary<string, int> _vocabulary;
    private readonly double[] _idf;

    private TfIdfVectorizer(Dictionary<string, int> vocabulary, double[] idf)
    {
        _vocabulary = vocabulary;
        _idf = idf;
    }

    public int FeatureCount => _idf.Length;

    /// <summary>Learns the vocabulary and the idf weights of a corpus.</summary>
    public static TfIdfVectorizer Fit(IEnumerable<string> documents, TfIdfSettings settings)
    {
        var statistics = new Dictionary<string, (int DocumentFrequency, long TotalCount)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var documentCount = 0;
        foreach (var document in documents)
        {
            documentCount++;
            seen.Clear();
            foreach (var feature in Features(document))
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(statistics, feature, out _);
                entry.TotalCount++;
                if (seen.Add(feature))
                {
                    entry.DocumentFrequency++;
                }
            }
        }

        // scikit-learn: min_df <= df <= max_df * n, then the max_features most frequent overall. It breaks count
        // ties in no documented order; here the alphabetically first wins, so that runs are reproducible.
        var maxDocuments = settings.MaxDocumentFrequency * documentCount;
        var kept = statistics
            .Where(s => s.Value.DocumentFrequency >= settings.MinDocumentFrequency && s.Value.DocumentFrequency <= maxDocuments)
            .OrderByDescending(s => s.Value.TotalCount)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(settings.MaxFeatures)
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToList();

        var vocabulary = new Dictionary<string, int>(kept.Count, StringComparer.Ordinal);
        var idf = new double[kept.Count];
        for (var index = 0; index < kept.Count; index++)
        {
            vocabulary[kept[index].Key] = index;
            idf[index] = Math.Log((1.0 + documentCount) / (1.0 + kept[index].Value.DocumentFrequency)) + 1;
        }

        return new TfIdfVectorizer(vocabulary, idf);
    }

    /// <summary>The index of a feature ("word" or "two words") in the vectors, or null when it is not in the vocabulary.</summary>
    public int? IndexOf(string feature) => _vocabulary.TryGetValue(feature, out var index) ? index : null;

    /// <summary>The idf of a feature, or null when it is not in the vocabulary.</summary>
    public double? IdfOf(string feature) => IndexOf(feature) is { } index ? _idf[index] : null;

    /// <summary>A text's unit-length TF-IDF vector; features outside the vocabulary are ignored.</summary>
    public SparseVector Transform(string text)
    {
        var counts = new Dictionary<int, int>();
        foreach (var feature in Features(text))
        {
            if (_vocabulary.TryGetValue(feature, out var index))
            {
                counts[index] = counts.GetValueOrDefault(index) + 1;
            }
        }

        if (counts.Count == 0)
        {
            return SparseVector.Empty;
        }

        var indices = counts.Keys.Order().ToArray();
        var weights = indices.Select(i => (1 + Math.Log(counts[i])) * _idf[i]).ToArray();
        var length = Math.Sqrt(weights.Sum(w => w * w));
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= length;
        }

        return new SparseVector(indices, weights);
    }

    /// <summary>The features of a text, in order: its words, then its pairs of adjacent words, stopwords removed first.</summary>
    public static IEnumerable<string> Features(string text)
    {
        var words = Words(text);
        foreach (var word in words)
        {
            yield return word;
        }

        for (var i = 1; i < words.Count; i++)
        {
            yield return words[i - 1] + " " + words[i];
        }
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var preprocessed = Preprocess(text);
        foreach (var match in Token().EnumerateMatches(preprocessed))
        {
            var word = preprocessed.Substring(match.Index, match.Length);
            if (!EnglishStopWords.Words.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    // scikit-learn lower-cases, then strips accents: NFKD, combining marks dropped.
    private static string Preprocess(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormKD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"\b[a-zA-Z_][a-zA-Z0-9_]+\b")]
    private static partial Regex Token();
}
