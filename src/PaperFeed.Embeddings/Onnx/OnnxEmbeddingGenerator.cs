using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace PaperFeed.Embeddings.Onnx;

/// <summary>
/// Sentence embeddings from a local ONNX model (all-MiniLM-L6-v2, bge-small-en-v1.5, ...): WordPiece tokens,
/// truncated to the model's longest input, run in padded batches through ONNX Runtime, pooled over the real tokens
/// and, as these models expect, scaled to length 1. Loading reads and checks the whole folder, so a wrong path or
/// an unusable model fails here, naming the file, rather than at the first text.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OnnxEmbeddingOptions _options;
    private readonly SentenceTransformerFolder _folder;
    private readonly EmbeddingGraph _graph;

    public OnnxEmbeddingGenerator(OnnxEmbeddingOptions options)
    {
        OptionsValidation.ThrowIfInvalid(options);
        _options = options;
        _folder = SentenceTransformerFolder.Open(options);
        _graph = EmbeddingGraph.Load(_folder.ModelFile, options.IntraOpThreads);
        try
        {
            // A graph that leaves its width symbolic tells it by running: one empty text is enough.
            Dimensions = _graph.Dimensions ?? EmbedBatch([""], CancellationToken.None)[0].Length;
        }
        catch
        {
            _graph.Dispose();
            throw;
        }

        ModelId = options.ModelId ?? Path.GetFileName(_folder.Directory);
        Metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(_folder.ModelFile), ModelId, Dimensions);
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    public PoolingMode Pooling => _folder.Pooling;

    public int MaxSequenceLength => _folder.MaxSequenceLength;

    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <remarks>
    /// The model runs on the calling thread: the work is all CPU, and a caller that wants it off its thread
    /// (a request handler embedding a query does not) can say so with <c>Task.Run</c>.
    /// </remarks>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } asked && asked != Dimensions)
        {
            throw new ArgumentException($"The ONNX model {ModelId} gives {Dimensions}-dimensional vectors, not {asked}.", nameof(options));
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Chunk(_options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var createdAt = DateTimeOffset.UtcNow;
            embeddings.AddRange(EmbedBatch(batch, cancellationToken)
                .Select(vector => new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = createdAt }));
        }

        return Task.FromResult(embeddings);
    }

    private float[][] EmbedBatch(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var tokenized = texts.Select(Tokenize).ToArray();
        var batch = tokenized.Length;
        var sequence = tokenized.Max(ids => ids.Length);
        var inputIds = new long[batch * sequence];
        var attentionMask = new long[batch * sequence];
        Array.Fill(inputIds, _folder.Tokenizer.PaddingTokenId);
        for (var row = 0; row < batch; row++)
        {
            tokenized[row].CopyTo(inputIds, row * sequence);
            attentionMask.AsSpan(row * sequence, tokenized[row].Length).Fill(1);
        }

        var (states, dimensions) = _graph.Run(inputIds, attentionMask, batch, sequence, cancellationToken);
        var vectors = new float[batch][];
        for (var row = 0; row < batch; row++)
        {
            vectors[row] = TokenPooling.Pool(
                states.AsSpan(row * sequence * dimensions, sequence * dimensions),
                attentionMask.AsSpan(row * sequence, sequence), dimensions, _folder.Pooling);
            if (_options.Normalize)
            {
                TokenPooling.Normalize(vectors[row]);
            }
        }

        return vectors;
    }

    /// <summary>
    /// [CLS] text [SEP], cut to the longest input. Cut token by token, as Hugging Face's tokenizers truncate:
    /// the tokenizer's own limit would drop a whole word that does not fit.
    /// </summary>
    private long[] Tokenize(string text)
    {
        BertTokenizer tokenizer = _folder.Tokenizer;
        var ids = tokenizer.EncodeToIds(text ?? "", addSpecialTokens: false);
        var kept = Math.Min(ids.Count, _folder.MaxSequenceLength - 2);
        var result = new long[kept + 2];
        result[0] = tokenizer.ClassificationTokenId;
        for (var i = 0; i < kept; i++)
        {
            result[i + 1] = ids[i];
        }

        result[^1] = tokenizer.SeparatorTokenId;
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => _graph.Dispose();
}
