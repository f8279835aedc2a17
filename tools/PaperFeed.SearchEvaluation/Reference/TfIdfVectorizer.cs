using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperFeed.SearchEvaluation.Reference;

/// <summary>
/// TF-IDF as arxiv-sanity-lite computes it (compute.py: scikit-learn's TfidfVectorizer with
/// strip_accents='unicode', lowercase, stop_words='english', token_pattern (?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b,
/// ngram_range (1, 2), sublinear_tf, smooth_idf, norm 'l2'), reimplemented with scikit-learn's formulas:
/// weight = (1 + ln tf) * (ln((1 + n) / (1 + df)) + 1), then each vector scaled to unit length.
/// </summary>
internal sealed partial class TfIdfVectorizer
{
    private readonly Dictionary<string, int> _wordIds;
    private readonly Dictionary<long, int> _featureIndexes;
    private readonly double[] _idf;

    private TfIdfVectorizer(Dictionary<string, int> wordIds, Dictionary<long, int> featureIndexes, double[] idf)
    {
        _wordIds = wordIds;
        _featureIndexes = featureIndexes;
        _idf = idf;
    }

    public int FeatureCount => _idf.Length;

    /// <summary>Learns the vocabulary and the idf weights of a corpus, and returns the corpus's vectors too (tokenized once).</summary>
    public static (TfIdfVectorizer Vectorizer, SparseVector[] Vectors) FitTransform(IEnumerable<string> documents, TfIdfSettings settings)
    {
        // Features are counted as numbers (a word id, or a pair of them), not strings: a corpus of 37,000
        // abstracts has millions of distinct word pairs.
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var statistics = new Dictionary<long, (int DocumentFrequency, long TotalCount)>(FeatureKeyComparer.Instance);
        var seen = new HashSet<long>(FeatureKeyComparer.Instance);
        var documentWords = new List<List<int>>();
        foreach (var document in documents)
        {
            seen.Clear();
            documentWords.Add(WordIds(document, wordIds, learn: true));
            foreach (var feature in FeatureKeys(documentWords[^1]))
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(statistics, feature, out _);
                entry.TotalCount++;
                if (seen.Add(feature))
                {
                    entry.DocumentFrequency++;
                }
            }
        }

        var documentCount = documentWords.Count;

        // scikit-learn: min_df <= df <= max_df * n, then the max_features most frequent overall. It breaks count
        // ties in no documented order; here the alphabetically first wins, so that runs are reproducible.
        var words = wordIds.OrderBy(w => w.Value).Select(w => w.Key).ToArray();
        var maxDocuments = settings.MaxDocumentFrequency * documentCount;
        var kept = statistics
            .Where(s => s.Value.DocumentFrequency >= settings.MinDocumentFrequency && s.Value.DocumentFrequency <= maxDocuments)
            .Select(s => (Key: s.Key, Name: NameOf(s.Key, words), s.Value.DocumentFrequency, s.Value.TotalCount))
            .OrderByDescending(s => s.TotalCount)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(settings.MaxFeatures)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

        var featureIndexes = new Dictionary<long, int>(kept.Count, FeatureKeyComparer.Instance);
        var idf = new double[kept.Count];
        for (var index = 0; index < kept.Count; index++)
        {
            featureIndexes[kept[index].Key] = index;
            idf[index] = Math.Log((1.0 + documentCount) / (1.0 + kept[index].DocumentFrequency)) + 1;
        }

        var vectorizer = new TfIdfVectorizer(wordIds, featureIndexes, idf);
        return (vectorizer, [.. documentWords.Select(vectorizer.Vectorize)]);
    }

    /// <summary>
    /// The index of a feature ("word" or "two words") in the vectors, or null when it is not in the vocabulary.
    /// Indexes follow the features' alphabetical order, as scikit-learn's do.
    /// </summary>
    public int? IndexOf(string feature)
    {
        var ids = feature.Split(' ').Select(word => _wordIds.GetValueOrDefault(word, -1)).ToArray();
        var key = ids switch
        {
            [var word] when word >= 0 => UnigramKey(word),
            [var first, var second] when first >= 0 && second >= 0 => BigramKey(first, second),
            _ => -1,
        };
        return _featureIndexes.TryGetValue(key, out var index) ? index : null;
    }

    /// <summary>The idf of a feature, or null when it is not in the vocabulary.</summary>
    public double? IdfOf(string feature) => IndexOf(feature) is { } index ? _idf[index] : null;

    /// <summary>A text's unit-length TF-IDF vector; features outside the vocabulary are ignored.</summary>
    public SparseVector Transform(string text) => Vectorize(WordIds(text, _wordIds, learn: false));

    private SparseVector Vectorize(List<int> words)
    {
        var counts = new Dictionary<int, int>();
        foreach (var feature in FeatureKeys(words))
        {
            if (_featureIndexes.TryGetValue(feature, out var index))
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

    // A text's words (stopwords removed) as ids; a word the vocabulary never saw is -1 when not learning, so that
    // it still separates its neighbours (no pair is formed across it).
    private static List<int> WordIds(string text, Dictionary<string, int> wordIds, bool learn)
    {
        var ids = new List<int>();
        var preprocessed = Preprocess(text);
        foreach (var match in Token().EnumerateMatches(preprocessed))
        {
            var word = preprocessed.Substring(match.Index, match.Length);
            if (EnglishStopWords.Words.Contains(word))
            {
                continue;
            }

            if (!wordIds.TryGetValue(word, out var id))
            {
                id = learn ? wordIds[word] = wordIds.Count : -1;
            }

            ids.Add(id);
        }

        return ids;
    }

    // The features of a text, as scikit-learn's word n-grams (1, 2): each word, then each pair of adjacent words.
    private static IEnumerable<long> FeatureKeys(List<int> words)
    {
        foreach (var word in words)
        {
            if (word >= 0)
            {
                yield return UnigramKey(word);
            }
        }

        for (var i = 1; i < words.Count; i++)
        {
            if (words[i - 1] >= 0 && words[i] >= 0)
            {
                yield return BigramKey(words[i - 1], words[i]);
            }
        }
    }

    private static long UnigramKey(int word) => word;

    private static long BigramKey(int first, int second) => ((long)(first + 1) << 32) | (uint)second;

    // long.GetHashCode xors the two halves, so the pairs (a, b) and (b + 1, a - 1)... all collide: mix the bits instead.
    private sealed class FeatureKeyComparer : IEqualityComparer<long>
    {
        public static readonly FeatureKeyComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32);
    }

    private static string NameOf(long key, string[] words) =>
        key < 1L << 32 ? words[key] : words[(key >> 32) - 1] + " " + words[key & uint.MaxValue];

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
