namespace PaperFeed.Core.Search;

/// <summary>BM25's inverse document frequency, the query side of the score.</summary>
public static class Bm25
{
    /// <summary>
    /// <c>ln(1 + (N − df + 0.5) / (df + 0.5))</c>: always positive (Lucene's form), so a word found in most papers
    /// still counts a little instead of counting against them.
    /// </summary>
    public static double Idf(long documentCount, long documentFrequency) =>
        Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}
