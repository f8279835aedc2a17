using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.IntegrationTests.Ingest.Live;

namespace PaperFeed.IntegrationTests.SearchEvaluation;

/// <summary>
/// A stand-in for a running PaperFeed on a loopback port (real HTTP, Kestrel), for the search evaluation tool: it
/// serves real sample papers through <c>GET /api/v1/papers</c> (paged with a cursor, as the real API pages) and,
/// for search and similar papers, the rankings the test scripts, all in the JSON shapes of the real API.
/// </summary>
public sealed class ScriptedPaperFeed : IAsyncDisposable
{
    private const int MaxLimit = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<(string Query, string Mode), string[]> _searches = [];
    private readonly Dictionary<string, string[]> _similar = new(StringComparer.Ordinal);
    private LoopbackServer _server = null!;

    private ScriptedPaperFeed(IReadOnlyList<(string Id, PaperRecord Paper)> papers) => Papers = papers;

    /// <summary>The stored papers, in list order.</summary>
    public IReadOnlyList<(string Id, PaperRecord Paper)> Papers { get; }

    public Uri Url => _server.BaseUrl;

    public IReadOnlyList<ReceivedRequest> Requests => _server.Requests;

    /// <summary>False: an instance from before the search endpoint existed.</summary>
    public bool ServesSearch { get; set; } = true;

    /// <summary>The first papers of the first bundled sample page, plus the given extra records.</summary>
    public static async Task<ScriptedPaperFeed> StartAsync(int samplePapers, params PaperRecord[] extra)
    {
        var records = new List<PaperRecord>();
        await using (var stream = File.OpenRead(RepoPaths.SampleFiles[0]))
        {
            await foreach (var entry in PaperSourceReader.Default.ReadAsync(stream, new ParseContext("sample", new DateOnly(2025, 7, 29))))
            {
                if (entry.Paper is { } paper && records.Count < samplePapers)
                {
                    records.Add(paper);
                }
            }
        }

        var feed = new ScriptedPaperFeed([.. records.Concat(extra).Select(p => (PaperIdentity.IdFor(p), p))]);
        feed._server = await LoopbackServer.StartAsync((context, _) => feed.AnswerAsync(context));
        return feed;
    }

    public string IdOf(int paper) => Papers[paper].Id;

    /// <summary>What <c>GET /api/v1/search?q=query&amp;mode=mode</c> ranks (truncated to the request's limit); other queries find nothing.</summary>
    public void ScriptSearch(string query, string mode, params string[] rankedIds) => _searches[(query, mode)] = rankedIds;

    /// <summary>What <c>GET /api/v1/papers/{id}/similar</c> ranks (truncated to the request's limit).</summary>
    public void ScriptSimilar(string id, params string[] rankedIds) => _similar[id] = rankedIds;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var parsed) ? parsed : 20;
        if (limit is < 1 or > MaxLimit)
        {
            return Problem(context, 400, $"limit must be between 1 and {MaxLimit}.");
        }

        if (path == "/api/v1/papers")
        {
            var offset = context.Request.Query["cursor"] is { Count: 1 } cursor ? int.Parse(cursor[0]!.TrimStart('p'), CultureInfo.InvariantCulture) : 0;
            var page = Papers.Skip(offset).Take(limit).Select(p => Item(p.Id, p.Paper)).ToList();
            var next = offset + limit < Papers.Count ? $"p{offset + limit}" : null;
            return context.Response.WriteAsJsonAsync(new { items = page, nextCursor = next }, Json);
        }

        if (path == "/api/v1/search" && ServesSearch)
        {
            var ranked = _searches.GetValueOrDefault((context.Request.Query["q"].ToString(), context.Request.Query["mode"].ToString()), []);
            return Ranked(context, ranked, limit, nextCursor: true);
        }

        if (path.StartsWith("/api/v1/papers/", StringComparison.Ordinal) && path.EndsWith("/similar", StringComparison.Ordinal))
        {
            var id = path["/api/v1/papers/".Length..^"/similar".Length];
            return _similar.TryGetValue(id, out var similar)
                ? Ranked(context, similar, limit, nextCursor: false)
                : Problem(context, 404, $"No paper has the id '{id}'.");
        }

        // An unmapped route: PaperFeed answers a problem with a title only, as the real app does.
        return Problem(context, 404, null);
    }

    private Task Ranked(HttpContext context, string[] ids, int limit, bool nextCursor)
    {
        var items = ids.Take(limit).Select((id, rank) =>
        {
            var paper = Papers.Single(p => p.Id == id).Paper;
            return Item(id, paper) with { Score = 1.0 / (rank + 1) };
        }).ToList();
        return nextCursor
            ? context.Response.WriteAsJsonAsync(new { items, nextCursor = (string?)null }, Json)
            : context.Response.WriteAsJsonAsync(new { items }, Json);
    }

    private static ApiPaper Item(string id, PaperRecord paper) => new(
        id, paper.ArxivId, paper.Title, paper.Abstract, paper.Authors, paper.PublishedAt,
        paper.DatePrecision.ToString().ToLowerInvariant(), paper.Upvotes ?? 0, paper.Categories,
        paper.Url ?? (paper.ArxivId is null ? null : $"https://arxiv.org/abs/{paper.ArxivId}"), paper.PdfUrl, paper.Source);

    private static Task Problem(HttpContext context, int status, string? detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { type = "about:blank", title = status == 404 ? "Not Found" : "Invalid request", status, detail }, Json));
    }

    // The fields of PaperFeed.Web's PaperDto; search results add their score.
    private sealed record ApiPaper(
        string Id, string? ArxivId, string Title, string Abstract, IReadOnlyList<string> Authors, DateTimeOffset? PublishedAt,
        string DatePrecision, int Upvotes, IReadOnlyList<string> Categories, string? Url, string? PdfUrl, string Source)
    {
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public double? Score { get; init; }
    }
}
