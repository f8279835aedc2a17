using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaperFeed.IntegrationTests.Ingest.Live;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) standing in for arXiv and Hugging Face: it answers with
/// the test's handler, usually replaying a real sample, and records every request it got.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private LoopbackServer(WebApplication app, Func<HttpContext, ReceivedRequest, Task> handle)
    {
        _app = app;
        app.Run(async context =>
        {
            var request = new ReceivedRequest(
                _requests.Count + 1,
                context.Request.Path.Value ?? "",
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                context.Request.Headers.UserAgent.ToString(),
                _clock.Elapsed);
            _requests.Enqueue(request);
            await handle(context, request);
        });
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public Uri Url(string relative) => new(BaseUrl, relative);

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, ReceivedRequest, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = new LoopbackServer(builder.Build(), handle);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A request the server got: its number (from 1), path, decoded query, User-Agent, and when it came.</summary>
public sealed record ReceivedRequest(int Number, string Path, IReadOnlyDictionary<string, string> Query, string UserAgent, TimeSpan At)
{
    public string? this[string parameter] => Query.GetValueOrDefault(parameter);
}
