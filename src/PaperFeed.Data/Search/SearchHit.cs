namespace PaperFeed.Data.Search;

/// <summary>
/// One paper found by a ranking (lexical, semantic, or their fusion). <see cref="Score"/> is the ranking's own
/// scale (BM25, cosine similarity, fused); <see cref="Pinned"/> marks a paper the query names outright (its arXiv id,
/// its exact title, a quoted phrase it contains), which every mode puts first.
/// </summary>
public sealed record SearchHit(string PaperId, double Score, bool Pinned = false);

/// <summary>Restricts a search to papers published in [From, To] (UTC days, both inclusive) and/or in one category.</summary>
public sealed record SearchFilter(DateOnly? From = null, DateOnly? To = null, string? Category = null)
{
    public static SearchFilter None { get; } = new();

    public bool IsEmpty => From is null && To is null && Category is null;
}
