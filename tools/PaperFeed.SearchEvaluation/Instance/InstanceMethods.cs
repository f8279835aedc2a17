using PaperFeed.SearchEvaluation.Evaluation;

namespace PaperFeed.SearchEvaluation.Instance;

/// <summary>The instance's search in one mode (lexical, semantic or hybrid).</summary>
internal sealed class InstanceSearch(PaperFeedClient client, string mode) : ISearchMethod
{
    /// <summary>The modes <c>GET /api/v1/search</c> offers.</summary>
    public static IReadOnlyList<string> Modes { get; } = ["lexical", "semantic", "hybrid"];

    public string Name => mode;

    public bool IsReference => false;

    public Task<IReadOnlyList<string>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        client.SearchAsync(query, mode, limit, cancellationToken);
}

/// <summary>The instance's similar-papers endpoint.</summary>
internal sealed class InstanceSimilar(PaperFeedClient client) : ISimilarMethod
{
    public string Name => "similar endpoint";

    public bool IsReference => false;

    public Task<IReadOnlyList<string>> SimilarAsync(string paperId, int limit, CancellationToken cancellationToken) =>
        client.SimilarAsync(paperId, limit, cancellationToken);
}
