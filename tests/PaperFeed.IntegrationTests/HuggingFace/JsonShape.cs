using System.Text.Json;

namespace PaperFeed.IntegrationTests.HuggingFace;

/// <summary>
/// Compares the structure of two JSON values: field names, nesting and JSON value types (true and false are one
/// type). Every field of the sample must be in ours with the same type, unless it is listed as unsupported; every
/// field of ours must be in the sample, unless it is listed as an extra PaperFeed may add. Paths are written as
/// <c>paper.authors[].user</c>.
/// </summary>
public sealed class JsonShape
{
    public required IReadOnlySet<string> Unsupported { get; init; }

    public IReadOnlySet<string> AllowedExtras { get; init; } = new HashSet<string>();

    /// <summary>Arrays that may be empty in ours when the sample's has elements (data PaperFeed does not have).</summary>
    public IReadOnlySet<string> MayBeEmpty { get; init; } = new HashSet<string>();

    public void AssertSameShape(JsonElement sample, JsonElement ours, string label)
    {
        var differences = new List<string>();
        Compare(sample, ours, "", differences);
        Assert.True(differences.Count == 0, $"{label}: {differences.Count} difference(s) from the real response:\n" + string.Join("\n", differences));
    }

    private void Compare(JsonElement sample, JsonElement ours, string path, List<string> differences)
    {
        if (TypeOf(sample) != TypeOf(ours))
        {
            differences.Add($"{Shown(path)}: the sample has a {TypeOf(sample)}, ours a {TypeOf(ours)}");
            return;
        }

        if (sample.ValueKind == JsonValueKind.Object)
        {
            CompareObjects(sample, ours, path, differences);
        }
        else if (sample.ValueKind == JsonValueKind.Array)
        {
            CompareArrays(sample, ours, path, differences);
        }
    }

    private void CompareObjects(JsonElement sample, JsonElement ours, string path, List<string> differences)
    {
        foreach (JsonProperty field in sample.EnumerateObject())
        {
            var fieldPath = Join(path, field.Name);
            if (Unsupported.Contains(fieldPath))
            {
                continue;
            }

            if (ours.TryGetProperty(field.Name, out JsonElement ourValue))
            {
                Compare(field.Value, ourValue, fieldPath, differences);
            }
            else
            {
                differences.Add($"{fieldPath}: missing (the sample has a {TypeOf(field.Value)})");
            }
        }

        foreach (JsonProperty field in ours.EnumerateObject())
        {
            var fieldPath = Join(path, field.Name);
            if (!sample.TryGetProperty(field.Name, out _) && !AllowedExtras.Contains(fieldPath))
            {
                differences.Add($"{fieldPath}: ours has it, the sample does not");
            }
        }
    }

    // Elements are compared by position; when ours is shorter, the sample's extra elements against our first.
    private void CompareArrays(JsonElement sample, JsonElement ours, string path, List<string> differences)
    {
        var elementPath = path + "[]";
        var ourElements = ours.EnumerateArray().ToList();
        var sampleElements = sample.EnumerateArray().ToList();
        if (ourElements.Count == 0)
        {
            if (sampleElements.Count > 0 && !MayBeEmpty.Contains(path))
            {
                differences.Add($"{Shown(path)}: empty, the sample's has {sampleElements.Count} element(s)");
            }

            return;
        }

        for (var i = 0; i < sampleElements.Count; i++)
        {
            Compare(sampleElements[i], ourElements[Math.Min(i, ourElements.Count - 1)], elementPath, differences);
        }
    }

    private static string TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Shown(string path) => path.Length == 0 ? "(the whole value)" : path;
}
