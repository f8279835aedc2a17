using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaperFeed.Core.Digests;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Search;
using PaperFeed.Data.Trending;

namespace PaperFeed.Data.Digests;

/// <summary>
/// Chooses a digest's papers: the period's top trending papers, then the papers that best match the subscriber's
/// interests (hybrid search, lexical only while no embedding model is active) and are similar to the papers they
/// follow, taken in turns so that every interest shows; never a paper this subscriber was sent before. One
/// instance serves one run: the trending lists and searches, the same for many subscribers, are computed once.
/// </summary>
public sealed class DigestComposer(PaperFeedDbContext db, TrendingQuery trending, PaperSearch search, IOptions<DigestOptions> options)
{
    private const int SearchDepth = 20;
    private readonly Dictionary<(DateTimeOffset, DateTimeOffset), IReadOnlyList<Paper>> _trending = [];
    private readonly Dictionary<(string, DateOnly, DateOnly), IReadOnlyList<string>> _matches = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _similar = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Paper?> _papers = new(StringComparer.Ordinal);

    private DigestOptions Options => options.Value;

    /// <param name="alreadySent">Papers earlier digests gave this subscriber.</param>
    /// <param name="paperUrl">Where a paper's title links when the paper has no http(s) URL of its own.</param>
    public async Task<DigestContent> ComposeAsync(
        Subscriber subscriber, DigestSlot slot, IReadOnlySet<string> alreadySent, Func<string, string> paperUrl, CancellationToken ct)
    {
        var taken = new HashSet<string>(alreadySent, StringComparer.Ordinal);
        var categories = subscriber.Categories;

        var trendingPapers = (await TrendingAsync(slot, ct))
            .Where(p => InCategories(p, categories) && taken.Add(p.Id))
            .Take(Options.TrendingCount)
            .Select(p => ToItem(p, null, paperUrl))
            .ToList();

        var candidates = new List<Queue<(string PaperId, string Reason)>>();
        foreach (var interest in subscriber.Interests)
        {
            var ids = await MatchesAsync(interest, slot, ct);
            candidates.Add(new Queue<(string, string)>(ids.Select(id => (id, $"Matches “{interest}”"))));
        }

        foreach (var followed in subscriber.Papers)
        {
            var ids = await SimilarAsync(followed, ct);
            var title = (await PapersAsync([followed], ct))[followed]?.Title ?? followed;
            candidates.Add(new Queue<(string, string)>(ids.Select(id => (id, $"Similar to “{MailHeaderText.Clean(title, 80)}”"))));
        }

        var picks = await TakeInTurnsAsync(candidates, slot, categories, taken, paperUrl, ct);
        return new DigestContent(subscriber.Frequency, trendingPapers, picks);
    }

    private async Task<List<DigestItem>> TakeInTurnsAsync(
        List<Queue<(string PaperId, string Reason)>> candidates, DigestSlot slot, List<string> categories,
        HashSet<string> taken, Func<string, string> paperUrl, CancellationToken ct)
    {
        await PapersAsync(candidates.SelectMany(q => q.Select(c => c.PaperId)), ct);
        var picks = new List<DigestItem>();
        while (picks.Count < Options.PickCount && candidates.Any(q => q.Count > 0))
        {
            foreach (var queue in candidates)
            {
                while (picks.Count < Options.PickCount && queue.TryDequeue(out var candidate))
                {
                    if (_papers[candidate.PaperId] is { } paper && InPeriod(paper, slot) && InCategories(paper, categories) && taken.Add(paper.Id))
                    {
                        picks.Add(ToItem(paper, candidate.Reason, paperUrl));
                        break;
                    }
                }
            }
        }

        return picks;
    }

    private async Task<IReadOnlyList<Paper>> TrendingAsync(DigestSlot slot, CancellationToken ct)
    {
        if (!_trending.TryGetValue((slot.From, slot.DueAt), out var papers))
        {
            // Deep enough for category filters and for subscribers who were sent the top ones already.
            var depth = Math.Max(200, Options.TrendingCount * 10);
            var ranked = await trending.ListAsync(slot.DueAt - slot.From, slot.DueAt, 0, depth, ct);
            papers = ranked.Select(r => r.Paper).ToList();
            _trending[(slot.From, slot.DueAt)] = papers;
        }

        return papers;
    }

    private async Task<IReadOnlyList<string>> MatchesAsync(string interest, DigestSlot slot, CancellationToken ct)
    {
        // Search filters by UTC day; InPeriod then keeps the papers of the exact window.
        var key = (interest.ToLowerInvariant(), DateOnly.FromDateTime(slot.From.UtcDateTime), DateOnly.FromDateTime(slot.DueAt.UtcDateTime));
        if (!_matches.TryGetValue(key, out var ids))
        {
            var hits = await search.SearchAsync(interest, SearchMode.Hybrid, new SearchFilter(key.Item2, key.Item3), SearchDepth, ct);
            ids = hits.Select(h => h.PaperId).ToList();
            _matches[key] = ids;
        }

        return ids;
    }

    private async Task<IReadOnlyList<string>> SimilarAsync(string paperId, CancellationToken ct)
    {
        if (!_similar.TryGetValue(paperId, out var ids))
        {
            ids = (await search.SimilarAsync(paperId, SearchDepth * 5, ct)).Select(h => h.PaperId).ToList();
            _similar[paperId] = ids;
        }

        return ids;
    }

    private async Task<IReadOnlyDictionary<string, Paper?>> PapersAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var missing = ids.Where(id => !_papers.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var found = await db.Papers.FindManyAsync(missing, ct);
            foreach (var id in missing)
            {
                _papers[id] = found.GetValueOrDefault(id);
            }
        }

        return _papers;
    }

    private static bool InPeriod(Paper paper, DigestSlot slot) =>
        paper.PublishedAt is { } published && published >= slot.From && published <= slot.DueAt;

    /// <summary>A subscriber's category matches exactly ("cs.LG") or as an archive ("cs" keeps every cs.* paper).</summary>
    private static bool InCategories(Paper paper, List<string> categories) =>
        categories.Count == 0 || paper.Categories.Any(c => categories.Any(wanted =>
            c.Equals(wanted, StringComparison.OrdinalIgnoreCase)
            || (c.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) && c.Length > wanted.Length && c[wanted.Length] == '.')));

    private static DigestItem ToItem(Paper paper, string? reason, Func<string, string> paperUrl) => new(
        paper.Id, paper.Title, paper.Authors, paper.Abstract,
        Uri.TryCreate(paper.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url.AbsoluteUri : paperUrl(paper.Id),
        paper.PublishedAt, paper.Upvotes + paper.LocalUpvotes, reason);
}
