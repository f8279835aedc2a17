using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PaperFeed.SearchEvaluation.Corpus;

namespace PaperFeed.SearchEvaluation.Instance;

/// <summary>
/// The three endpoints of a running PaperFeed the evaluation calls. Every failure becomes an
/// <see cref="InstanceException"/> whose message says which request failed and why.
/// </summary>
internal sealed class PaperFeedClient(HttpClient http)
{
    /// <summary>The largest page <c>GET /api/v1/papers</c> serves (PapersApi.MaxLimit).</summary>
    public const int MaxPageSize = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>Every stored paper, read page by page through the papers list; <paramref name="progress"/> gets the running count.</summary>
    public async Task<IReadOnlyList<CorpusPaper>> ReadAllPapersAsync(Action<int>? progress, CancellationToken cancellationToken)
    {
        var papers = new List<CorpusPaper>();
        string? cursor = null;
        do
        {
            var request = $"api/v1/papers?limit={MaxPageSize}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await GetAsync<PaperPage>(request, cancellationToken);
            foreach (var item in page.Items ?? throw Unexpected(request, "no items"))
            {
                papers.Add(new CorpusPaper(
                    item.Id ?? throw Unexpected(request, "a paper without an id"),
                    item.Title ?? "",
                    item.Abstract ?? "",
                    item.Authors ?? []));
            }

            progress?.Invoke(papers.Count);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return papers;
    }

    /// <summary>The ids of <c>GET /api/v1/search?q=…&amp;mode=…&amp;limit=…</c>, best first.</summary>
    public Task<IReadOnlyList<string>> SearchAsync(string query, string mode, int limit, CancellationToken cancellationToken) =>
        RankedIdsAsync($"api/v1/search?q={Uri.EscapeDataString(query)}&mode={Uri.EscapeDataString(mode)}&limit={limit}", cancellationToken);

    /// <summary>The ids of <c>GET /api/v1/papers/{id}/similar?limit=…</c>, most similar first.</summary>
    public Task<IReadOnlyList<string>> SimilarAsync(string paperId, int limit, CancellationToken cancellationToken) =>
        RankedIdsAsync($"api/v1/papers/{Uri.EscapeDataString(paperId)}/similar?limit={limit}", cancellationToken);

    private async Task<IReadOnlyList<string>> RankedIdsAsync(string request, CancellationToken cancellationToken)
    {
        var page = await GetAsync<RankedPage>(request, cancellationToken);
        return [.. (page.Items ?? throw Unexpected(request, "no items")).Select(item => item.Id ?? throw Unexpected(request, "an item without an id"))];
    }

    private async Task<T> GetAsync<T>(string request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(request, UriKind.Relative), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new InstanceException(
                $"cannot reach PaperFeed at {BaseAddress} ({e.Message}). Is it running? Start it with ./paperfeed up, or pass --url.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InstanceException($"GET {BaseAddress}{request} got no answer within {http.Timeout.TotalSeconds:0} s.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InstanceException(await DescribeFailureAsync(request, response, cancellationToken));
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken) ?? throw Unexpected(request, "null");
            }
            catch (JsonException e)
            {
                throw new InstanceException($"GET {BaseAddress}{request} answered JSON of an unexpected shape: {e.Message}", e);
            }
        }
    }

    private async Task<string> DescribeFailureAsync(string request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        ProblemAnswer? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<ProblemAnswer>(Json, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // Not a problem document (a proxy's HTML page, say): the status line has to do.
        }

        // A handler's problem says what was wrong (its detail); a bare 404 with at most a title means no such route.
        var hint = (response.StatusCode, problem?.Detail) switch
        {
            (HttpStatusCode.NotFound, null) => " (does this instance have that endpoint? search and similar papers need a recent PaperFeed)",
            (HttpStatusCode.BadRequest, _) when request.StartsWith("api/v1/search", StringComparison.Ordinal) => " (--modes chooses the modes to evaluate)",
            _ => "",
        };
        return $"GET {BaseAddress}{request} answered {status}{(problem?.Detail is { } detail ? ": " + detail : "")}{hint}";
    }

    private InstanceException Unexpected(string request, string what) =>
        new($"GET {BaseAddress}{request} answered JSON of an unexpected shape: {what}.");
}
