using System.Text;
using System.Text.Json.Nodes;
using Microsoft.ML.Tokenizers;

namespace PaperFeed.Embeddings.Onnx;

/// <summary>
/// Builds the BERT WordPiece tokenizer of a model folder: from <c>vocab.txt</c> when there is one, otherwise from the
/// WordPiece vocabulary inside <c>tokenizer.json</c>. Casing, accents and special tokens follow
/// <c>tokenizer_config.json</c> and <c>tokenizer.json</c>'s normalizer, as Hugging Face's tokenizers do.
/// </summary>
internal static class WordPieceTokenizerLoader
{
    public static BertTokenizer Load(string directory, bool? lowerCaseOverride, bool lowerCaseFromSentenceBertConfig)
    {
        var tokenizerConfig = ModelFolderJson.ReadIfPresent(Path.Combine(directory, "tokenizer_config.json"));
        var vocabPath = Path.Combine(directory, "vocab.txt");
        var tokenizerJsonPath = Path.Combine(directory, "tokenizer.json");
        var tokenizerJson = File.Exists(vocabPath) ? null : ModelFolderJson.ReadIfPresent(tokenizerJsonPath);
        if (!File.Exists(vocabPath) && tokenizerJson is null)
        {
            throw new FileNotFoundException($"The model folder {directory} has no tokenizer: expected vocab.txt (BERT WordPiece) or tokenizer.json.", vocabPath);
        }

        var wordPiece = tokenizerJson is null ? null : WordPieceModel(tokenizerJson, tokenizerJsonPath);
        var normalizer = tokenizerJson?["normalizer"] as JsonObject;
        if (normalizer.Token("type") != "BertNormalizer")
        {
            normalizer = null;
        }

        // BERT's rule (transformers' BasicTokenizer): accents are stripped when the text is lower-cased, unless said otherwise.
        var lowerCase = lowerCaseOverride
            ?? (tokenizerConfig.Bool("do_lower_case") ?? normalizer.Bool("lowercase") ?? true) || lowerCaseFromSentenceBertConfig;
        var stripAccents = tokenizerConfig.Bool("strip_accents") ?? normalizer.Bool("strip_accents") ?? lowerCase;
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = lowerCase,
            RemoveNonSpacingMarks = stripAccents,
            IndividuallyTokenizeCjk = tokenizerConfig.Bool("tokenize_chinese_chars") ?? normalizer.Bool("handle_chinese_chars") ?? true,
            ClassificationToken = tokenizerConfig.Token("cls_token") ?? "[CLS]",
            SeparatorToken = tokenizerConfig.Token("sep_token") ?? "[SEP]",
            PaddingToken = tokenizerConfig.Token("pad_token") ?? "[PAD]",
            MaskingToken = tokenizerConfig.Token("mask_token") ?? "[MASK]",
            UnknownToken = tokenizerConfig.Token("unk_token") ?? wordPiece.Token("unk_token") ?? "[UNK]",
            ContinuingSubwordPrefix = wordPiece.Token("continuing_subword_prefix") ?? "##",
            MaxInputCharsPerWord = (int)(wordPiece.Number("max_input_chars_per_word") ?? 100),
        };

        try
        {
            if (wordPiece is null)
            {
                return BertTokenizer.Create(vocabPath, options);
            }

            using var vocab = VocabularyLines(wordPiece, tokenizerJson!, tokenizerJsonPath);
            return BertTokenizer.Create(vocab, options);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The tokenizer in {directory} cannot be loaded: {e.Message}", e);
        }
    }

    private static JsonObject WordPieceModel(JsonObject tokenizerJson, string path)
    {
        var model = tokenizerJson["model"] as JsonObject;
        var type = model?["type"] is JsonValue value && value.TryGetValue(out string? name) ? name : null;
        return type == "WordPiece" && model!["vocab"] is JsonObject
            ? model
            : throw new InvalidDataException($"{path} holds a {type ?? "unknown"} tokenizer; only WordPiece (BERT-family models) is supported. Put the model's vocab.txt next to it, or choose a BERT-family model.");
    }

    /// <summary>The vocabulary as vocab.txt writes it: one token per line, the line number its id.</summary>
    private static MemoryStream VocabularyLines(JsonObject wordPiece, JsonObject tokenizerJson, string path)
    {
        var tokens = new SortedDictionary<int, string>();
        void Add(string token, int id)
        {
            if (id < 0 || token.Contains('\n', StringComparison.Ordinal) || !tokens.TryAdd(id, token) && tokens[id] != token)
            {
                throw new InvalidDataException($"{path}: token '{token}' with id {id} cannot be written as a vocab.txt line.");
            }
        }

        foreach (var (token, id) in (JsonObject)wordPiece["vocab"]!)
        {
            Add(token, id!.GetValue<int>());
        }

        foreach (var added in tokenizerJson["added_tokens"] as JsonArray ?? [])
        {
            if (added is JsonObject entry && entry.Token("content") is { } content && entry.Number("id") is { } id)
            {
                Add(content, (int)id);
            }
        }

        var lines = new StringBuilder();
        var next = 0;
        foreach (var (id, token) in tokens)
        {
            // Ids the file skips still need a line each, or every later token would shift.
            for (; next < id; next++)
            {
                lines.Append("[unused-id-").Append(next).Append("]\n");
            }

            lines.Append(token).Append('\n');
            next = id + 1;
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));
    }
}
