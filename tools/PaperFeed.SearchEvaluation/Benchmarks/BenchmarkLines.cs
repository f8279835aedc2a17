using System.Text;

namespace PaperFeed.SearchEvaluation.Benchmarks;

/// <summary>
/// The shared layout of benchmark files: UTF-8 text, one record per line as tab-separated fields; blank lines
/// and lines starting with '#' are comments. Collects every problem so that one run reports them all.
/// </summary>
internal sealed class BenchmarkLines
{
    // More than this many problems means the file is of another kind altogether; the first ones say enough.
    private const int MaxErrors = 25;

    private readonly List<BenchmarkFileError> _errors = [];

    private BenchmarkLines(string path) => Path = path;

    public string Path { get; }

    public static BenchmarkLines Open(string path) => new(path);

    /// <summary>The records of the file: line number (from 1) and fields. Stops early once the file has too many problems.</summary>
    public IEnumerable<(int Line, string[] Fields)> Records()
    {
        string[] lines;
        try
        {
            // Strict UTF-8: a file in another encoding would silently mangle titles and then fail to resolve.
            lines = File.ReadAllLines(Path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            Fail(null, "no such file");
            yield break;
        }
        catch (DecoderFallbackException)
        {
            Fail(null, "not UTF-8 text");
            yield break;
        }

        for (var i = 0; i < lines.Length && _errors.Count < MaxErrors; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            yield return (i + 1, line.Split('\t'));
        }
    }

    public bool HasFailed => _errors.Count > 0;

    public void Fail(int? line, string reason) => _errors.Add(new BenchmarkFileError(Path, line, reason));

    /// <summary>Throws <see cref="BenchmarkFileException"/> listing every problem, if there was one.</summary>
    public void ThrowIfFailed()
    {
        if (_errors.Count > 0)
        {
            throw new BenchmarkFileException(_errors);
        }
    }
}
