namespace PaperFeed.SearchEvaluation.Corpus;

/// <summary>What the evaluation needs of a stored paper: its id, the text the reference methods index, its authors.</summary>
internal sealed record CorpusPaper(string Id, string Title, string Abstract, IReadOnlyList<string> Authors);
