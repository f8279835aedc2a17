using PaperFeed.Core.Papers;
using PaperFeed.SearchEvaluation.Benchmarks;

namespace PaperFeed.SearchEvaluation.Corpus;

/// <summary>
/// The papers being evaluated against (read from the instance, or from source files), and the lookup from a
/// benchmark's <see cref="PaperTarget"/> to their ids.
/// </summary>
internal sealed class PaperCatalog
{
    private readonly Dictionary<string, List<string>> _idsByTitleKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CorpusPaper> _byId = new(StringComparer.Ordinal);
    private readonly Lazy<string[]> _abstractKeys;

    public PaperCatalog(IReadOnlyList<CorpusPaper> papers, string origin)
    {
        Papers = papers;
        Origin = origin;
        foreach (var paper in papers)
        {
            if (!_byId.TryAdd(paper.Id, paper))
            {
                throw new InvalidOperationException($"{origin} lists paper {paper.Id} twice.");
            }

            var key = TextNormalizer.NormalizeTitleKey(paper.Title);
            if (!_idsByTitleKey.TryGetValue(key, out var ids))
            {
                _idsByTitleKey[key] = ids = [];
            }

            ids.Add(paper.Id);
        }

        // Padded with spaces so that a phrase matches whole words only.
        _abstractKeys = new(() => [.. papers.Select(p => " " + TextNormalizer.NormalizeTitleKey(p.Abstract) + " ")]);
    }

    public IReadOnlyList<CorpusPaper> Papers { get; }

    /// <summary>Where the papers came from, as the report names it (an API URL, or source files).</summary>
    public string Origin { get; }

    public CorpusPaper this[string id] => _byId[id];

    /// <summary>
    /// Every paper the target names, in catalog order; empty when none. A title can name several papers: the
    /// same paper stored once per source that lacked a shared id (a daily-papers copy of an arXiv paper), or two
    /// papers that share a title. A result that is any of them counts as finding the target.
    /// </summary>
    public IReadOnlyList<string> Resolve(PaperTarget target)
    {
        if (target.Kind == TargetKind.Title)
        {
            return _idsByTitleKey.TryGetValue(target.Key, out var ids) ? ids : [];
        }

        var phrase = " " + target.Key + " ";
        var abstracts = _abstractKeys.Value;
        return [.. Enumerable.Range(0, Papers.Count).Where(i => abstracts[i].Contains(phrase, StringComparison.Ordinal)).Select(i => Papers[i].Id)];
    }
}
