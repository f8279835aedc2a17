using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperFeed.Embeddings.Onnx;

/// <summary>Reads the optional JSON files of a model folder; a file that is there but broken is an error naming it.</summary>
internal static class ModelFolderJson
{
    public static JsonObject? ReadIfPresent(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new InvalidDataException($"{path} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    public static bool? Bool(this JsonObject? json, string key) =>
        json?[key] is JsonValue value && value.TryGetValue(out bool result) ? result : null;

    public static long? Number(this JsonObject? json, string key) =>
        json?[key] is JsonValue value && value.TryGetValue(out double result) && result >= 0 && result < long.MaxValue ? (long)result : null;

    /// <summary>A token as tokenizer_config.json writes it: a string, or an object with <c>content</c> (newer transformers).</summary>
    public static string? Token(this JsonObject? json, string key) => json?[key] switch
    {
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonObject added when added["content"] is JsonValue content && content.TryGetValue(out string? text) => text,
        _ => null,
    };
}
