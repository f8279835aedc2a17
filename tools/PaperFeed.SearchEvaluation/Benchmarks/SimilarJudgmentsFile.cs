namespace PaperFeed.SearchEvaluation.Benchmarks;

/// <summary>
/// Reads a similar-paper judgment file: one <c>anchor&lt;TAB&gt;related</c> pair per line, both targets
/// (<c>title=T</c> or <c>abstract~P</c>); an anchor's pairs are usually consecutive but need not be.
/// Papers not paired with an anchor count as unrelated to it.
/// </summary>
internal static class SimilarJudgmentsFile
{
    public static SimilarJudgments Read(string path)
    {
        var file = BenchmarkLines.Open(path);
        var anchors = new List<(JudgedPaper Anchor, List<JudgedPaper> Related)>();
        var pairLines = new Dictionary<((TargetKind, string), (TargetKind, string)), int>();
        foreach (var (line, fields) in file.Records())
        {
            if (fields.Length != 2)
            {
                file.Fail(line, $"expected 2 tab-separated fields (anchor, related paper), found {fields.Length}");
                continue;
            }

            if (!PaperTarget.TryParse(fields[0].Trim(), out var anchor, out var anchorError))
            {
                file.Fail(line, "anchor: " + anchorError);
                continue;
            }

            if (!PaperTarget.TryParse(fields[1].Trim(), out var related, out var relatedError))
            {
                file.Fail(line, "related paper: " + relatedError);
                continue;
            }

            if (anchor!.Identity == related!.Identity)
            {
                file.Fail(line, "a paper is paired with itself");
                continue;
            }

            if (!pairLines.TryAdd((anchor.Identity, related.Identity), line))
            {
                file.Fail(line, $"the same pair as line {pairLines[(anchor.Identity, related.Identity)]}");
                continue;
            }

            var entry = anchors.FindIndex(a => a.Anchor.Target.Identity == anchor.Identity);
            if (entry < 0)
            {
                anchors.Add((new JudgedPaper(anchor, line), []));
                entry = anchors.Count - 1;
            }

            anchors[entry].Related.Add(new JudgedPaper(related, line));
        }

        if (anchors.Count == 0 && !file.HasFailed)
        {
            file.Fail(null, "no judgments (expected lines of the form title=Anchor<TAB>title=Related)");
        }

        file.ThrowIfFailed();
        return new SimilarJudgments(
            System.IO.Path.GetFileName(path), path, [.. anchors.Select(a => new JudgedAnchor(a.Anchor, a.Related))]);
    }
}
