using System.Numerics.Tensors;

namespace PaperFeed.Embeddings.Onnx;

/// <summary>
/// Turns one text's token states into its sentence vector the way sentence-transformers' <c>Pooling</c> and
/// <c>Normalize</c> modules do, so that vectors match the ones the model was published with.
/// </summary>
internal static class TokenPooling
{
    /// <summary>
    /// Pools <paramref name="tokenStates"/> (row-major, one row of <paramref name="dimensions"/> per token) over the
    /// tokens whose <paramref name="attentionMask"/> is 1: padding never counts.
    /// </summary>
    public static float[] Pool(ReadOnlySpan<float> tokenStates, ReadOnlySpan<long> attentionMask, int dimensions, PoolingMode mode)
    {
        if (tokenStates.Length != attentionMask.Length * dimensions)
        {
            throw new ArgumentException($"{attentionMask.Length} tokens of {dimensions} values need {attentionMask.Length * dimensions} states, not {tokenStates.Length}.", nameof(tokenStates));
        }

        return mode switch
        {
            // sentence-transformers takes token 0 whatever the mask says: [CLS] is always there.
            PoolingMode.Cls => tokenStates[..dimensions].ToArray(),
            PoolingMode.Mean => Mean(tokenStates, attentionMask, dimensions),
            PoolingMode.Max => Max(tokenStates, attentionMask, dimensions),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown pooling mode."),
        };
    }

    /// <summary>Scales <paramref name="vector"/> to length 1; a zero vector stays zero (the 1e-12 floor of torch's <c>F.normalize</c>).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = Math.Max(TensorPrimitives.Norm(vector), 1e-12f);
        TensorPrimitives.Divide(vector, norm, vector);
    }

    private static float[] Mean(ReadOnlySpan<float> tokenStates, ReadOnlySpan<long> attentionMask, int dimensions)
    {
        var sum = new float[dimensions];
        var count = 0;
        for (var token = 0; token < attentionMask.Length; token++)
        {
            if (attentionMask[token] != 0)
            {
                TensorPrimitives.Add(sum, tokenStates.Slice(token * dimensions, dimensions), sum);
                count++;
            }
        }

        // The 1e-9 floor of sentence-transformers' torch.clamp: no division by zero for an all-padding row.
        TensorPrimitives.Divide(sum, Math.Max(count, 1e-9f), sum);
        return sum;
    }

    private static float[] Max(ReadOnlySpan<float> tokenStates, ReadOnlySpan<long> attentionMask, int dimensions)
    {
        float[]? max = null;
        for (var token = 0; token < attentionMask.Length; token++)
        {
            if (attentionMask[token] == 0)
            {
                continue;
            }

            var row = tokenStates.Slice(token * dimensions, dimensions);
            if (max is null)
            {
                max = row.ToArray();
            }
            else
            {
                TensorPrimitives.Max(max, row, max);
            }
        }

        return max ?? new float[dimensions];
    }
}
