namespace PaperFeed.SearchEvaluation.Benchmarks;

/// <summary>A natural-language query written for one known paper, and where it was written.</summary>
internal sealed record KnownItemQuery(string Text, PaperTarget Target, int Line);

/// <summary>The queries of one benchmark file; <see cref="Name"/> is the file name, as the report shows it.</summary>
internal sealed record QuerySet(string Name, string Path, IReadOnlyList<KnownItemQuery> Queries);
