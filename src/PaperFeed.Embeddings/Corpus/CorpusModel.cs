using System.Numerics.Tensors;

namespace PaperFeed.Embeddings.Corpus;

/// <summary>
/// Word vectors trained on the stored papers, and what turns them into a text's vector: SIF weighting
/// (Arora, Liang and Ma, "A Simple but Tough-to-Beat Baseline for Sentence Embeddings", ICLR 2017): the weighted
/// average of the text's word vectors, weight a / (a + p(w)) with p the word's frequency in the corpus, minus its
/// projection on the corpus's first principal component, L2-normalised so that a dot product is the cosine.
/// </summary>
public sealed class CorpusModel
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CorpusModel(IReadOnlyList<string> words, float[] vectors, float[] probabilities, int dimensions, float sifA, float[] principalComponent)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(principalComponent);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (vectors.Length != words.Count * dimensions || probabilities.Length != words.Count || principalComponent.Length != dimensions)
        {
            throw new ArgumentException("Vectors, probabilities and principal component do not match the vocabulary and dimensions.");
        }

        Words = words;
        Vectors = vectors;
        Probabilities = probabilities;
        Dimensions = dimensions;
        SifA = sifA;
        PrincipalComponent = principalComponent;
        var index = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            index.TryAdd(words[i], i);
        }

        _lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        Weights = probabilities.Select(p => SifWeighting.Weight(sifA, p)).ToArray();
    }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Row-major: word i's vector is <c>Vectors[i * Dimensions .. (i + 1) * Dimensions]</c>.</summary>
    public float[] Vectors { get; }

    /// <summary>Each word's unigram probability in the training corpus.</summary>
    public float[] Probabilities { get; }

    public int Dimensions { get; }

    public float SifA { get; }

    /// <summary>Unit length; removed from every text vector (it carries what all texts share: common words, style).</summary>
    public float[] PrincipalComponent { get; }

    private float[] Weights { get; }

    public ReadOnlySpan<float> WordVector(int index) => Vectors.AsSpan(index * Dimensions, Dimensions);

    public bool TryGetWord(scoped ReadOnlySpan<char> word, out int index) => _lookup.TryGetValue(word, out index);

    /// <summary>
    /// The text's unit vector, written to <paramref name="destination"/>; false (and zeros) when the text has no word
    /// the model knows, since such a text has no direction to compare.
    /// </summary>
    public bool Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        if (!WeightedAverage(text, destination))
        {
            return false;
        }

        PrincipalComponentRemoval.Remove(destination, PrincipalComponent);
        var norm = TensorPrimitives.Norm(destination);
        if (norm <= 1e-12f)
        {
            destination.Clear();
            return false;
        }

        TensorPrimitives.Divide(destination, norm, destination);
        return true;
    }

    /// <summary>The SIF-weighted average of the text's known words, before the principal component is removed.</summary>
    public bool WeightedAverage(ReadOnlySpan<char> text, Span<float> destination)
    {
        if (destination.Length != Dimensions)
        {
            throw new ArgumentException($"The destination must have {Dimensions} elements.", nameof(destination));
        }

        destination.Clear();
        var state = new Accumulator(this, destination);
        CorpusTokenizer.ForEachToken(text, ref state, static (scoped ReadOnlySpan<char> token, ref Accumulator acc) => acc.Add(token));
        if (state.Count == 0)
        {
            return false;
        }

        TensorPrimitives.Divide(destination, state.Count, destination);
        return true;
    }

    private ref struct Accumulator(CorpusModel model, Span<float> sum)
    {
        private readonly Span<float> _sum = sum;

        public int Count { get; private set; }

        public void Add(scoped ReadOnlySpan<char> token)
        {
            if (model.TryGetWord(token, out var index))
            {
                TensorPrimitives.MultiplyAdd(model.WordVector(index), model.Weights[index], _sum, _sum);
                Count++;
            }
        }
    }
}
