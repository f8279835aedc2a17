using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace PaperFeed.IntegrationTests.Embeddings;

/// <summary>
/// A real HTTP server (Kestrel, on 127.0.0.1 and a free port) speaking OpenAI's <c>POST /v1/embeddings</c>, whose
/// answers a test scripts: <see cref="Embed"/> answers as the protocol says, lists the vectors in reverse order
/// (the protocol promises no order), and makes each vector from its text so that a test can tell them apart.
/// </summary>
public sealed class EmbeddingsEndpointServer : IAsyncDisposable
{
    public sealed record ReceivedRequest(string Model, string[] Input, int? Dimensions, string? Authorization);

    private readonly WebApplication _app;
    private readonly Func<ReceivedRequest, int, CancellationToken, Task<IResult>> _answer;
    private int _count;

    private EmbeddingsEndpointServer(Func<ReceivedRequest, int, CancellationToken, Task<IResult>> answer)
    {
        _answer = answer;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/embeddings", HandleAsync);
    }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public Uri BaseUrl => new(_app.Urls.Single());

    /// <param name="answer">Given the request and its number (1 for the first), what to answer.</param>
    public static async Task<EmbeddingsEndpointServer> StartAsync(Func<ReceivedRequest, int, CancellationToken, Task<IResult>> answer)
    {
        var server = new EmbeddingsEndpointServer(answer);
        await server._app.StartAsync();
        return server;
    }

    public static Task<EmbeddingsEndpointServer> StartAsync(Func<ReceivedRequest, int, IResult> answer) =>
        StartAsync((request, number, _) => Task.FromResult(answer(request, number)));

    /// <summary>A vector only this text gets: its length, its characters' sum, then the positions.</summary>
    public static float[] VectorOf(string text, int dimensions) =>
        Enumerable.Range(0, dimensions).Select(i => i switch
        {
            0 => text.Length,
            1 => text.Sum(c => (float)c),
            _ => (float)i,
        }).ToArray();

    /// <summary>The protocol's answer, with the vectors listed last input first and a token count per character.</summary>
    public static IResult Embed(ReceivedRequest request, int dimensions = 4) => TypedResults.Json(new
    {
        @object = "list",
        data = request.Input.Select((text, index) => new { @object = "embedding", index, embedding = VectorOf(text, dimensions) }).Reverse(),
        model = request.Model,
        usage = new { prompt_tokens = request.Input.Sum(text => text.Length), total_tokens = request.Input.Sum(text => text.Length) },
    });

    public static IResult Error(int status, string json) => TypedResults.Content(json, "application/json", statusCode: status);

    private async Task<IResult> HandleAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        using var body = await JsonDocument.ParseAsync(http.Body, cancellationToken: cancellationToken);
        var root = body.RootElement;
        var request = new ReceivedRequest(
            root.GetProperty("model").GetString()!,
            root.GetProperty("input").EnumerateArray().Select(text => text.GetString()!).ToArray(),
            root.TryGetProperty("dimensions", out var dimensions) ? dimensions.GetInt32() : null,
            http.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null);
        Requests.Enqueue(request);
        return await _answer(request, Interlocked.Increment(ref _count), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
