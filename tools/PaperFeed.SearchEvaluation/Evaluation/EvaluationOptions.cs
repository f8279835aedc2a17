namespace PaperFeed.SearchEvaluation.Evaluation;

/// <summary>What one run evaluates, and where it writes the results.</summary>
internal sealed record EvaluationOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The benchmark files used when none is named, relative to the working directory (the repository root).</summary>
    public static IReadOnlyList<string> DefaultQueryFiles { get; } =
        ["benchmarks/relevance/starting-queries.tsv", "benchmarks/relevance/team-queries.tsv"];

    public const string DefaultJudgmentsFile = "benchmarks/relevance/similar-judgments.tsv";

    /// <summary>The running instance; ignored when <see cref="PapersFrom"/> is set.</summary>
    public Uri InstanceUrl { get; init; } = new(DefaultUrl);

    public IReadOnlyList<string> QueryFiles { get; init; } = [];

    public string? JudgmentsFile { get; init; }

    /// <summary>The instance's search modes to evaluate.</summary>
    public IReadOnlyList<string> Modes { get; init; } = Instance.InstanceSearch.Modes;

    /// <summary>
    /// Source files or directories to read the papers from instead of an instance: only the reference methods
    /// run then, on the papers an ingest of those files would store.
    /// </summary>
    public IReadOnlyList<string> PapersFrom { get; init; } = [];

    public string? MarkdownFile { get; init; }

    public string? PerQueryFile { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public bool Offline => PapersFrom.Count > 0;
}
