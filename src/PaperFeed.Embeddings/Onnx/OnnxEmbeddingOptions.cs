using System.ComponentModel.DataAnnotations;

namespace PaperFeed.Embeddings.Onnx;

/// <summary>
/// Configuration section <c>Embeddings:Onnx</c>: a sentence-embedding model on local disk, in the folder layout
/// sentence-transformers and Hugging Face's ONNX exports use (all-MiniLM-L6-v2, bge-small-en-v1.5, ...). Settings
/// left unset here are read from the folder's own files.
/// </summary>
public sealed class OnnxEmbeddingOptions : IValidatableObject
{
    public const string Section = "Embeddings:Onnx";

    /// <summary>The model's folder: <c>model.onnx</c> (or <c>onnx/model.onnx</c>), <c>vocab.txt</c> or <c>tokenizer.json</c>, <c>1_Pooling/config.json</c>.</summary>
    public string ModelPath { get; init; } = "";

    /// <summary>The ONNX file, relative to <see cref="ModelPath"/>, when not the default one (e.g. <c>onnx/model_quantized.onnx</c>).</summary>
    public string? ModelFile { get; init; }

    /// <summary>The name the vectors are recorded under; the folder's name when unset.</summary>
    public string? ModelId { get; init; }

    /// <summary>How many texts go through the model in one run (padded to the longest of them).</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Scale every vector to length 1, as sentence-transformers' <c>Normalize</c> module does; cosine similarity then equals the dot product.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Overrides <c>1_Pooling/config.json</c> (mean when neither says).</summary>
    public PoolingMode? Pooling { get; init; }

    /// <summary>Overrides <c>max_seq_length</c> from <c>sentence_bert_config.json</c>: longer texts are cut to this many tokens.</summary>
    public int? MaxSequenceLength { get; init; }

    /// <summary>Overrides the tokenizer's own <c>do_lower_case</c>.</summary>
    public bool? LowerCase { get; init; }

    /// <summary>Threads ONNX Runtime may use for one run; 0 lets it choose (one per core).</summary>
    public int IntraOpThreads { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            yield return new ValidationResult($"{Section}:ModelPath must name the model's folder.");
        }

        if (BatchSize is < 1 or > 4096)
        {
            yield return new ValidationResult($"{Section}:BatchSize must be between 1 and 4096.");
        }

        // Room for [CLS], one token and [SEP]; BERT-family models stop at 512 positions, long-context ones at 8192.
        if (MaxSequenceLength is < 3 or > 32768)
        {
            yield return new ValidationResult($"{Section}:MaxSequenceLength must be between 3 and 32768.");
        }

        if (IntraOpThreads is < 0 or > 1024)
        {
            yield return new ValidationResult($"{Section}:IntraOpThreads must be between 0 and 1024.");
        }
    }
}
