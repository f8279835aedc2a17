using System.Text.Json;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Embeddings;

/// <summary>
/// The tiny sentence-embedding model that <c>build_tiny_sentence_model.py</c> builds with Debian's python3-onnx, in a
/// temporary folder for one test class, with the vectors numpy computed for its sample texts.
/// </summary>
public sealed class TinySentenceModel : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private DirectoryInfo? _root;

    public sealed record SampleText(string Text, string[] Tokens, float[] Mean, float[] MeanUnnormalized, float[] Cls, float[] Max);

    /// <summary>Set when the model cannot be built here; the tests then skip, saying why.</summary>
    public string? SkipReason { get; private set; }

    public string ModelFolder => Path.Combine(_root!.FullName, "model");

    /// <summary>A graph with an image input: no text encoder.</summary>
    public string UnusableModelFolder => Path.Combine(_root!.FullName, "unusable");

    public IReadOnlyList<SampleText> Cases { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var probe = File.Exists(Python) ? await CommandLine.RunAsync(Python, ["-c", "import onnx, numpy"]) : null;
        if (probe is not { ExitCode: 0 })
        {
            SkipReason = $"{Python} cannot import onnx: install Debian's python3-onnx (./paperfeed test does).";
            return;
        }

        _root = Directory.CreateTempSubdirectory("paperfeed-onnx-");
        var script = Path.Combine(RepoPaths.Root, "tests", "PaperFeed.IntegrationTests", "Embeddings", "build_tiny_sentence_model.py");
        var build = await CommandLine.RunAsync(Python, [script, _root.FullName]);
        Assert.True(build.ExitCode == 0, $"{script} failed: {build.StandardError}");
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_root.FullName, "expected.json")));
        Cases = expected.RootElement.GetProperty("cases").EnumerateArray().Select(c => new SampleText(
            c.GetProperty("text").GetString()!,
            c.GetProperty("tokens").Deserialize<string[]>()!,
            c.GetProperty("mean").Deserialize<float[]>()!,
            c.GetProperty("mean_unnormalized").Deserialize<float[]>()!,
            c.GetProperty("cls").Deserialize<float[]>()!,
            c.GetProperty("max").Deserialize<float[]>()!)).ToList();
    }

    public SampleText Text(string text) => Cases.Single(c => c.Text == text);

    /// <summary>A copy of the model folder, changed by <paramref name="change"/> (given the copy's path).</summary>
    public string CopyModel(Action<string> change)
    {
        var copy = Path.Combine(_root!.FullName, $"copy-{Guid.NewGuid():N}", "model");
        foreach (var file in Directory.EnumerateFiles(ModelFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(ModelFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        change(copy);
        return copy;
    }

    public ValueTask DisposeAsync()
    {
        _root?.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
