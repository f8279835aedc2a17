namespace PaperFeed.SearchEvaluation.Benchmarks;

/// <summary>A paper of the judgment file, and the line that names it.</summary>
internal sealed record JudgedPaper(PaperTarget Target, int Line);

/// <summary>An anchor paper and the papers a researcher judged related to it.</summary>
internal sealed record JudgedAnchor(JudgedPaper Anchor, IReadOnlyList<JudgedPaper> Related);

/// <summary>The similar-paper judgments of one file, anchors in the order the file first names them.</summary>
internal sealed record SimilarJudgments(string Name, string Path, IReadOnlyList<JudgedAnchor> Anchors);
