using System.Text;

namespace PaperFeed.SemanticEval;

/// <summary>
/// Known-item queries, <c>query TAB target</c>: <c>title=T</c> names the paper whose title equals T after lowercasing
/// and folding punctuation and whitespace; <c>abstract~P</c> the paper whose abstract contains P (folded the same way).
/// </summary>
internal sealed record KnownItemQuery(string Text, string Target, string? PaperId);

internal static class QuerySet
{
    public static List<KnownItemQuery> Load(string path, IReadOnlyList<CorpusPaper> papers)
    {
        var byTitle = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            byTitle.TryAdd(Fold(paper.Title), paper.Id);
        }

        var queries = new List<KnownItemQuery>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            var target = parts[1];
            string? id = null;
            if (target.StartsWith("title=", StringComparison.Ordinal))
            {
                byTitle.TryGetValue(Fold(target["title=".Length..]), out id);
            }
            else if (target.StartsWith("abstract~", StringComparison.Ordinal))
            {
                var phrase = Fold(target["abstract~".Length..]);
                id = papers.FirstOrDefault(p => Fold(p.Abstract).Contains(phrase, StringComparison.Ordinal))?.Id;
            }

            queries.Add(new KnownItemQuery(parts[0], target, id));
        }

        return queries;
    }

    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && folded.Length > 0)
                {
                    folded.Append(' ');
                }

                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return folded.ToString();
    }
}

internal sealed record CorpusPaper(string Id, string Title, string Abstract, DateTimeOffset? PublishedAt, string[] Categories);

/// <summary>MRR@10 and Recall@10 of known-item queries (a query whose target is missing from the corpus counts as a miss).</summary>
internal sealed class RankingMetrics
{
    private double _reciprocalRanks;
    private int _found;

    public int Queries { get; private set; }

    public void Add(string? target, IReadOnlyList<string> ranked)
    {
        Queries++;
        var rank = target is null ? -1 : ranked.Take(10).ToList().IndexOf(target);
        if (rank >= 0)
        {
            _reciprocalRanks += 1.0 / (rank + 1);
            _found++;
        }
    }

    public double Mrr => Queries == 0 ? 0 : _reciprocalRanks / Queries;

    public double Recall => Queries == 0 ? 0 : (double)_found / Queries;
}
