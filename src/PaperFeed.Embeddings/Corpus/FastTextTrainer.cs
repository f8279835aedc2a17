using System.Diagnostics;
using System.Globalization;

namespace PaperFeed.Embeddings.Corpus;

/// <summary>
/// Trains skip-gram word vectors with the <c>fasttext</c> program (Debian package <c>fasttext</c>, multi-threaded
/// C++), from a file of tokenized text, one document a line. Returns the words and vectors it wrote (<c>.vec</c>).
/// </summary>
internal static class FastTextTrainer
{
    public static async Task<(List<string> Words, List<float[]> Vectors)> TrainAsync(
        string corpusPath, string outputPrefix, CorpusFitOptions options, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.FastTextPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        foreach (var argument in new[]
        {
            "skipgram", "-input", corpusPath, "-output", outputPrefix,
            "-dim", Invariant(options.Dimensions), "-ws", Invariant(options.Window), "-minCount", Invariant(options.MinCount),
            "-neg", Invariant(options.Negative), "-t", Invariant(options.Sample), "-epoch", Invariant(options.Epochs),
            "-minn", Invariant(options.MaxN > 0 ? options.MinN : 0), "-maxn", Invariant(options.MaxN),
            "-thread", Invariant(threads), "-seed", Invariant(options.Seed), "-verbose", "0",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {options.FastTextPath}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Could not run '{options.FastTextPath}' to train the corpus model ({e.Message}); install it with 'apt-get install fasttext' (./paperfeed does).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"fasttext exited with code {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}".Trim());
            }
        }

        return await ReadVecAsync(outputPrefix + ".vec", options.Dimensions, cancellationToken);
    }

    /// <summary>The text format: a header "count dimensions", then a word and its numbers on each line.</summary>
    internal static async Task<(List<string> Words, List<float[]> Vectors)> ReadVecAsync(
        string path, int dimensions, CancellationToken cancellationToken)
    {
        var words = new List<string>();
        var vectors = new List<float[]>();
        using var reader = new StreamReader(path);
        _ = await reader.ReadLineAsync(cancellationToken); // header
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var parts = line.AsSpan().TrimEnd();
            var space = parts.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var word = parts[..space].ToString();
            var vector = new float[dimensions];
            var rest = parts[(space + 1)..];
            var i = 0;
            foreach (var range in rest.Split(' '))
            {
                if (i == dimensions)
                {
                    throw new InvalidDataException($"{path}: the vector of '{word}' has more than {dimensions} numbers.");
                }

                vector[i++] = float.Parse(rest[range], NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            if (i != dimensions)
            {
                throw new InvalidDataException($"{path}: the vector of '{word}' has {i} numbers, not {dimensions}.");
            }

            words.Add(word);
            vectors.Add(vector);
        }

        return (words, vectors);
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
