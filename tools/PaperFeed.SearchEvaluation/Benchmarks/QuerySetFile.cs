namespace PaperFeed.SearchEvaluation.Benchmarks;

/// <summary>
/// Reads a known-item query file: one <c>query&lt;TAB&gt;target</c> per line, the target being <c>title=T</c> or
/// <c>abstract~P</c> (see <see cref="PaperTarget"/>); '#' starts a comment line.
/// </summary>
internal static class QuerySetFile
{
    public static QuerySet Read(string path)
    {
        var file = BenchmarkLines.Open(path);
        var queries = new List<KnownItemQuery>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields) in file.Records())
        {
            if (fields.Length != 2)
            {
                file.Fail(line, $"expected 2 tab-separated fields (query, target), found {fields.Length}");
                continue;
            }

            var text = fields[0].Trim();
            if (text.Length == 0)
            {
                file.Fail(line, "the query is empty");
                continue;
            }

            if (!PaperTarget.TryParse(fields[1].Trim(), out var target, out var error))
            {
                file.Fail(line, error!);
                continue;
            }

            // A repeated query would count its paper twice in the averages.
            if (!firstLineOf.TryAdd(text, line))
            {
                file.Fail(line, $"the same query as line {firstLineOf[text]}");
                continue;
            }

            queries.Add(new KnownItemQuery(text, target!, line));
        }

        if (queries.Count == 0 && !file.HasFailed)
        {
            file.Fail(null, "no queries (expected lines of the form query<TAB>title=Title)");
        }

        file.ThrowIfFailed();
        return new QuerySet(System.IO.Path.GetFileName(path), path, queries);
    }
}
