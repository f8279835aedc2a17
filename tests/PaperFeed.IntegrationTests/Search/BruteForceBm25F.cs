using PaperFeed.Core.Search;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>
/// BM25F written out plainly over a whole corpus in memory, as the research notes define it: the reference the
/// stored weights and the SQL inner product must agree with.
/// </summary>
public static class BruteForceBm25F
{
    public static Dictionary<string, double> Scores(
        IReadOnlyList<(string Id, string Title, string Abstract)> papers, string query, double k1 = 0.9, double b = 0.5)
    {
        var documents = papers.Select(p => (p.Id, Title: SearchTextAnalyzer.Stems(p.Title), Abstract: SearchTextAnalyzer.Stems(p.Abstract))).ToList();
        var averageTitle = documents.Average(d => d.Title.Count);
        var averageAbstract = documents.Average(d => d.Abstract.Count);
        var queryStems = SearchTextAnalyzer.Stems(query).Distinct().ToList();
        var scores = new Dictionary<string, double>();
        foreach (var document in documents)
        {
            var score = 0.0;
            foreach (var stem in queryStems)
            {
                var df = documents.Count(d => d.Title.Contains(stem) || d.Abstract.Contains(stem));
                if (df == 0)
                {
                    continue;
                }

                var idf = Math.Log(1 + ((documents.Count - df + 0.5) / (df + 0.5)));
                var tf = (document.Title.Count(s => s == stem) / (1 - b + (b * document.Title.Count / averageTitle)))
                    + (document.Abstract.Count(s => s == stem) / (1 - b + (b * document.Abstract.Count / averageAbstract)));
                score += idf * tf / (k1 + tf);
            }

            if (score > 0)
            {
                scores[document.Id] = score;
            }
        }

        return scores;
    }
}
