namespace PaperFeed.Data.Search.Lexical;

/// <summary>The best k papers scored so far (score descending, then id): what the candidate steps build up.</summary>
internal sealed class TopHits(int k)
{
    private readonly Dictionary<string, double> _scores = new(StringComparer.Ordinal);

    public bool IsFull => _scores.Count >= k;

    /// <summary>The k-th best score: a paper must score above it to enter (meaningful when <see cref="IsFull"/>).</summary>
    public double Threshold => IsFull ? Best()[^1].Score : double.NegativeInfinity;

    public void Add(IEnumerable<SearchHit> hits)
    {
        foreach (var hit in hits)
        {
            _scores[hit.PaperId] = hit.Score;
        }
    }

    public List<SearchHit> Best() =>
        _scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(k)
            .Select(s => new SearchHit(s.Key, s.Value)).ToList();
}
