using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PaperFeed.Embeddings.OpenAi;

/// <summary>
/// The JSON of OpenAI's embeddings API (https://platform.openai.com/docs/api-reference/embeddings), as far as the
/// servers that copy it agree: the request, the answer (vectors tagged with the <c>index</c> of their input, in no
/// promised order), and the error bodies each server writes.
/// </summary>
internal static class OpenAiEmbeddingsProtocol
{
    private const int MaxQuotedErrorLength = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Request(string Model, IReadOnlyList<string> Input, int? Dimensions);

    public sealed record Answer(float[][] Vectors, string? Model, long? PromptTokens, long? TotalTokens);

    private sealed record Response(List<Item?>? Data, string? Model, Usage? Usage);

    private sealed record Item(int? Index, float[]? Embedding);

    private sealed record Usage(long? PromptTokens, long? TotalTokens);

    public static string Serialize(Request request) => JsonSerializer.Serialize(request, Json);

    /// <summary>The vectors of a 200 answer in the order of the <paramref name="inputCount"/> inputs, or why the answer is unusable.</summary>
    public static Answer Parse(string body, int inputCount)
    {
        Response? response;
        try
        {
            response = JsonSerializer.Deserialize<Response>(body, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the answer is not an embeddings response ({e.Message}): {Quote(body)}", e);
        }

        if (response?.Data is not { } data)
        {
            throw new InvalidDataException($"the answer has no 'data' list: {Quote(body)}");
        }

        if (data.Count != inputCount)
        {
            throw new InvalidDataException($"the answer has {data.Count} embeddings for {inputCount} inputs.");
        }

        var vectors = new float[inputCount][];
        foreach (var item in data)
        {
            if (item?.Index is not { } index || index < 0 || index >= inputCount)
            {
                throw new InvalidDataException($"an embedding has index {item?.Index?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}; expected 0 to {inputCount - 1}.");
            }

            if (vectors[index] is not null)
            {
                throw new InvalidDataException($"index {index} appears twice in the answer.");
            }

            vectors[index] = item.Embedding is { Length: > 0 } embedding
                ? embedding
                : throw new InvalidDataException($"the embedding at index {index} is missing or empty.");
        }

        if (vectors.Select(vector => vector.Length).Distinct().Count() > 1)
        {
            throw new InvalidDataException($"the embeddings differ in length ({string.Join(", ", vectors.Select(v => v.Length).Distinct())}).");
        }

        return new Answer(vectors, response.Model, response.Usage?.PromptTokens, response.Usage?.TotalTokens);
    }

    /// <summary>
    /// The server's own words from an error body: OpenAI and vLLM write <c>{"error": {"message": ...}}</c>, Ollama and
    /// TEI <c>{"error": "..."}</c>, others <c>message</c> or <c>detail</c>; anything else is quoted as it came.
    /// </summary>
    public static string ErrorMessage(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                var message = Text(json["error"]) ?? Text((json["error"] as JsonObject)?["message"]) ?? Text(json["message"]) ?? Text(json["detail"]);
                if (!string.IsNullOrWhiteSpace(message))
                {
                    return message;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, plain text): quoted below.
        }

        return string.IsNullOrWhiteSpace(body) ? "(empty body)" : Quote(body);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string Quote(string body) =>
        body.Length <= MaxQuotedErrorLength ? body.Trim() : string.Concat(body.AsSpan(0, MaxQuotedErrorLength), "…");
}
