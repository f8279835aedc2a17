namespace PaperFeed.SearchEvaluation.Benchmarks;

/// <summary>One problem in a benchmark file; <see cref="Line"/> is null when it concerns the whole file.</summary>
internal sealed record BenchmarkFileError(string Path, int? Line, string Reason)
{
    public override string ToString() => Line is { } line ? $"{Path}:{line}: {Reason}" : $"{Path}: {Reason}";
}

/// <summary>A benchmark file that cannot be used, with every problem found in it (file, line, reason).</summary>
internal sealed class BenchmarkFileException : Exception
{
    public BenchmarkFileException(IReadOnlyList<BenchmarkFileError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public BenchmarkFileException()
    {
        Errors = [];
    }

    public BenchmarkFileException(string message) : base(message)
    {
        Errors = [];
    }

    public BenchmarkFileException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<BenchmarkFileError> Errors { get; }
}
