using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperFeed.Embeddings.Onnx;

/// <summary>Reads sentence-transformers' <c>1_Pooling/config.json</c>: which one pooling mode the model was trained with.</summary>
internal static class PoolingConfig
{
    public const string RelativePath = "1_Pooling/config.json";

    private static readonly (string Key, PoolingMode? Mode)[] Flags =
    [
        ("pooling_mode_mean_tokens", PoolingMode.Mean),
        ("pooling_mode_cls_token", PoolingMode.Cls),
        ("pooling_mode_max_tokens", PoolingMode.Max),
        // Modes sentence-transformers has that this reader does not implement: named, so the error can say so.
        ("pooling_mode_mean_sqrt_len_tokens", null),
        ("pooling_mode_weightedmean_tokens", null),
        ("pooling_mode_lasttoken", null),
    ];

    /// <param name="path">Where the JSON came from, for the error messages.</param>
    public static PoolingMode Parse(string json, string path)
    {
        JsonObject config;
        try
        {
            config = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{path} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }

        var enabled = Flags.Where(flag => config[flag.Key] is JsonValue value && value.TryGetValue(out bool on) && on).ToList();
        if (enabled.Count == 0)
        {
            throw new InvalidDataException($"{path} enables no pooling mode (expected one of {string.Join(", ", Flags.Take(3).Select(f => f.Key))}).");
        }

        if (enabled.Count > 1)
        {
            // sentence-transformers concatenates several pooled vectors; no model we know of is published that way.
            throw new InvalidDataException($"{path} enables {string.Join(" and ", enabled.Select(f => f.Key))}; only one pooling mode is supported.");
        }

        return enabled[0].Mode ?? throw new InvalidDataException($"{path} asks for {enabled[0].Key}, which is not supported (mean, cls or max are).");
    }
}
