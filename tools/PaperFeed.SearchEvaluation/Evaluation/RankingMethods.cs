namespace PaperFeed.SearchEvaluation.Evaluation;

/// <summary>A way of answering a search query with ranked paper ids: the instance in one mode, or a reference method.</summary>
internal interface ISearchMethod
{
    /// <summary>The name the report shows, such as "lexical" or "BM25 (reference)".</summary>
    string Name { get; }

    /// <summary>True for the in-process reference methods; their latency is compute time, not a round trip.</summary>
    bool IsReference { get; }

    Task<IReadOnlyList<string>> SearchAsync(string query, int limit, CancellationToken cancellationToken);
}

/// <summary>A way of finding the papers most similar to a stored paper: the instance's endpoint, or a reference method.</summary>
internal interface ISimilarMethod
{
    string Name { get; }

    bool IsReference { get; }

    Task<IReadOnlyList<string>> SimilarAsync(string paperId, int limit, CancellationToken cancellationToken);
}
