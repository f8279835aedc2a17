namespace PaperFeed.SearchEvaluation.Instance;

// The parts of the API's JSON the evaluation reads (camelCase, as the web app writes it); other fields are ignored.

/// <summary>A page of <c>GET /api/v1/papers</c>.</summary>
internal sealed record PaperPage(IReadOnlyList<PaperItem>? Items, string? NextCursor);

/// <summary>A paper of <c>GET /api/v1/papers</c>.</summary>
internal sealed record PaperItem(string? Id, string? Title, string? Abstract, IReadOnlyList<string>? Authors);

/// <summary>The answer of <c>GET /api/v1/search</c> and <c>GET /api/v1/papers/{id}/similar</c>: ranked papers.</summary>
internal sealed record RankedPage(IReadOnlyList<RankedItem>? Items);

/// <summary>One ranked paper; only its id counts.</summary>
internal sealed record RankedItem(string? Id);

/// <summary>An RFC 7807 problem, as every PaperFeed error is answered.</summary>
internal sealed record ProblemAnswer(string? Title, string? Detail);
