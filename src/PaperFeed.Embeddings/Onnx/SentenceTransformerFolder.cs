using Microsoft.ML.Tokenizers;

namespace PaperFeed.Embeddings.Onnx;

/// <summary>
/// A sentence-embedding model's folder as sentence-transformers and Hugging Face's ONNX exports lay it out, read
/// once: the ONNX file, the tokenizer, the pooling mode and the longest input, with the options overriding the files.
/// </summary>
internal sealed record SentenceTransformerFolder(
    string Directory, string ModelFile, BertTokenizer Tokenizer, PoolingMode Pooling, int MaxSequenceLength)
{
    private const int BertMaxPositions = 512;

    public static SentenceTransformerFolder Open(OnnxEmbeddingOptions options)
    {
        var directory = Path.GetFullPath(options.ModelPath);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The ONNX embedding model folder {directory} ({OnnxEmbeddingOptions.Section}:ModelPath) does not exist.");
        }

        var sentenceBertConfig = ModelFolderJson.ReadIfPresent(Path.Combine(directory, "sentence_bert_config.json"));
        var tokenizer = WordPieceTokenizerLoader.Load(directory, options.LowerCase, sentenceBertConfig.Bool("do_lower_case") ?? false);
        return new SentenceTransformerFolder(
            directory,
            FindModelFile(directory, options.ModelFile),
            tokenizer,
            options.Pooling ?? ReadPooling(directory),
            options.MaxSequenceLength ?? ReadMaxSequenceLength(directory, sentenceBertConfig));
    }

    private static string FindModelFile(string directory, string? configured)
    {
        string[] candidates = configured is null
            ? [Path.Combine(directory, "model.onnx"), Path.Combine(directory, "onnx", "model.onnx")]
            : [Path.Combine(directory, configured)];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"No ONNX model in {directory}: looked for {string.Join(" and ", candidates)}.", candidates[0]);
    }

    // Without 1_Pooling/config.json sentence-transformers itself falls back to mean pooling.
    private static PoolingMode ReadPooling(string directory)
    {
        var path = Path.Combine(directory, PoolingConfig.RelativePath);
        return File.Exists(path) ? PoolingConfig.Parse(File.ReadAllText(path), path) : PoolingMode.Mean;
    }

    private static int ReadMaxSequenceLength(string directory, System.Text.Json.Nodes.JsonObject? sentenceBertConfig)
    {
        var modelConfig = ModelFolderJson.ReadIfPresent(Path.Combine(directory, "config.json"));
        var tokenizerConfig = ModelFolderJson.ReadIfPresent(Path.Combine(directory, "tokenizer_config.json"));
        var positions = modelConfig.Number("max_position_embeddings");
        // transformers writes a huge model_max_length (1e30) when a tokenizer has no limit of its own.
        var tokenizerLimit = tokenizerConfig.Number("model_max_length") is { } limit && limit < 1_000_000 ? limit : (long?)null;
        var length = sentenceBertConfig.Number("max_seq_length") ?? tokenizerLimit ?? positions ?? BertMaxPositions;
        return (int)Math.Clamp(Math.Min(length, positions ?? long.MaxValue), 3, 32768);
    }
}
