using System.Numerics.Tensors;

namespace PaperFeed.Embeddings.Corpus;

/// <summary>
/// The first principal component of a set of text vectors, and its removal from one vector. As in the SIF paper
/// the vectors are not centred: the component is the top eigenvector of XᵀX, the direction every average of word
/// vectors shares, found by power iteration on the small d×d matrix.
/// </summary>
public sealed class PrincipalComponentRemoval(int dimensions)
{
    private readonly double[] _gram = new double[dimensions * dimensions];

    public int Count { get; private set; }

    /// <summary>Adds one text vector to XᵀX.</summary>
    public void Add(ReadOnlySpan<float> vector)
    {
        if (vector.Length != dimensions)
        {
            throw new ArgumentException($"Expected {dimensions} elements.", nameof(vector));
        }

        for (var i = 0; i < dimensions; i++)
        {
            var vi = (double)vector[i];
            var row = _gram.AsSpan(i * dimensions, dimensions);
            for (var j = 0; j < dimensions; j++)
            {
                row[j] += vi * vector[j];
            }
        }

        Count++;
    }

    /// <summary>The unit-length top eigenvector of the vectors added so far (zeros when none were added).</summary>
    public float[] FirstComponent(int iterations = 500)
    {
        var current = new double[dimensions];
        var next = new double[dimensions];
        if (Count == 0)
        {
            return new float[dimensions];
        }

        // A start with a share of every axis; the all-ones vector is never orthogonal to the top eigenvector of a
        // Gram matrix with positive diagonal in practice, and a fixed start keeps the result reproducible.
        for (var i = 0; i < dimensions; i++)
        {
            current[i] = 1.0 / Math.Sqrt(dimensions) * (1 + (i % 7) * 1e-3);
        }

        for (var iteration = 0; iteration < iterations; iteration++)
        {
            for (var i = 0; i < dimensions; i++)
            {
                next[i] = TensorPrimitives.Dot<double>(_gram.AsSpan(i * dimensions, dimensions), current);
            }

            var norm = TensorPrimitives.Norm<double>(next);
            if (norm == 0)
            {
                return new float[dimensions];
            }

            TensorPrimitives.Divide(next, norm, next);
            var change = TensorPrimitives.Distance<double>(next, current);
            (current, next) = (next, current);
            if (change < 1e-10)
            {
                break;
            }
        }

        return current.Select(v => (float)v).ToArray();
    }

    /// <summary>v ← v − (u·v) u for a unit vector u.</summary>
    public static void Remove(Span<float> vector, ReadOnlySpan<float> component)
    {
        var projection = TensorPrimitives.Dot(vector, component);
        TensorPrimitives.MultiplyAdd(component, -projection, vector, vector);
    }
}
