using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Embeddings.OpenAi;

namespace PaperFeed.IntegrationTests.Embeddings;

/// <summary>
/// The OpenAI-compatible provider over real HTTP, wired as the app wires it (configuration, IHttpClientFactory, the
/// resilience pipeline), against a loopback server speaking the protocol.
/// </summary>
public sealed class OpenAiEmbeddingGeneratorTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inputs_go_in_batches_and_come_back_in_input_order()
    {
        await using var server = await EmbeddingsEndpointServer.StartAsync((request, _) => EmbeddingsEndpointServer.Embed(request));
        using var services = Services(server.BaseUrl, ("BatchSize", "2"), ("ApiKey", "sk-test"));
        var generator = services.GetRequiredService<OpenAiEmbeddingGenerator>();
        string[] texts = ["alpha", "beta", "gamma ray", "delta", "epsilon"];

        var embeddings = await generator.GenerateAsync(texts, cancellationToken: Cancellation);

        Assert.Equal([2, 2, 1], server.Requests.Select(r => r.Input.Length));
        Assert.Equal(texts, server.Requests.SelectMany(r => r.Input));
        Assert.All(server.Requests, r => Assert.Equal("tiny-embedder", r.Model));
        Assert.All(server.Requests, r => Assert.Equal("Bearer sk-test", r.Authorization));
        Assert.All(server.Requests, r => Assert.Null(r.Dimensions));
        Assert.Equal(texts.Select(t => EmbeddingsEndpointServer.VectorOf(t, 4)), embeddings.Select(e => e.Vector.ToArray()));
        Assert.All(embeddings, e => Assert.Equal("tiny-embedder", e.ModelId));
        Assert.Equal(texts.Sum(t => t.Length), embeddings.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_until_the_server_answers()
    {
        await using var server = await EmbeddingsEndpointServer.StartAsync((request, number) => number == 1
            ? EmbeddingsEndpointServer.Error(503, """{"error": "model is loading"}""")
            : EmbeddingsEndpointServer.Embed(request));
        using var services = Services(server.BaseUrl);
        var generator = services.GetRequiredService<OpenAiEmbeddingGenerator>();

        var embeddings = await generator.GenerateAsync(["retry me"], cancellationToken: Cancellation);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(EmbeddingsEndpointServer.VectorOf("retry me", 4), embeddings[0].Vector.ToArray());
    }

    [Fact]
    public async Task Slow_answer_is_retried_after_the_attempt_timeout()
    {
        await using var server = await EmbeddingsEndpointServer.StartAsync(async (request, number, cancellationToken) =>
        {
            if (number == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            }

            return EmbeddingsEndpointServer.Embed(request);
        });
        using var services = Services(server.BaseUrl, ("AttemptTimeout", "00:00:00.500"));
        var generator = services.GetRequiredService<OpenAiEmbeddingGenerator>();

        var embeddings = await generator.GenerateAsync(["slow"], cancellationToken: Cancellation);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(EmbeddingsEndpointServer.VectorOf("slow", 4), embeddings[0].Vector.ToArray());
    }

    [Fact]
    public async Task Bad_request_is_reported_with_the_servers_message_and_not_retried()
    {
        await using var server = await EmbeddingsEndpointServer.StartAsync((_, _) => EmbeddingsEndpointServer.Error(400,
            """{"error": {"message": "This model's maximum context length is 8192 tokens", "type": "invalid_request_error"}}"""));
        using var services = Services(server.BaseUrl);
        var generator = services.GetRequiredService<OpenAiEmbeddingGenerator>();

        var error = await Assert.ThrowsAsync<OpenAiEmbeddingException>(() => generator.GenerateAsync(["too long"], cancellationToken: Cancellation));

        Assert.Single(server.Requests);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("maximum context length is 8192 tokens", error.Message, StringComparison.Ordinal);
        Assert.Contains(new Uri(server.BaseUrl, "/v1/embeddings").ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_error_that_persists_is_reported_after_the_retries()
    {
        await using var server = await EmbeddingsEndpointServer.StartAsync((_, _) => EmbeddingsEndpointServer.Error(500, """{"error": "CUDA out of memory"}"""));
        using var services = Services(server.BaseUrl, ("MaxRetries", "2"));
        var generator = services.GetRequiredService<OpenAiEmbeddingGenerator>();

        var error = await Assert.ThrowsAsync<OpenAiEmbeddingException>(() => generator.GenerateAsync(["x"], cancellationToken: Cancellation));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("CUDA out of memory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_dimension_is_detected()
    {
        await using var server = await EmbeddingsEndpointServer.StartAsync((request, _) => EmbeddingsEndpointServer.Embed(request, dimensions: 4));
        using var services = Services(server.BaseUrl, ("Dimensions", "384"));
        var generator = services.GetRequiredService<OpenAiEmbeddingGenerator>();

        var error = await Assert.ThrowsAsync<OpenAiEmbeddingException>(() => generator.GenerateAsync(["x"], cancellationToken: Cancellation));

        Assert.Contains("returned 4-dimensional vectors", error.Message, StringComparison.Ordinal);
        Assert.Contains("384", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dimensions_are_sent_when_asked_to()
    {
        await using var server = await EmbeddingsEndpointServer.StartAsync((request, _) => EmbeddingsEndpointServer.Embed(request, dimensions: request.Dimensions ?? 4));
        using var services = Services(server.BaseUrl, ("Dimensions", "6"), ("SendDimensions", "true"));
        var generator = services.GetRequiredService<OpenAiEmbeddingGenerator>();

        var embeddings = await generator.GenerateAsync(["short"], cancellationToken: Cancellation);

        Assert.Equal(6, Assert.Single(server.Requests).Dimensions);
        Assert.Equal(6, embeddings[0].Dimensions);
        Assert.Equal(6, generator.Metadata.DefaultModelDimensions);
    }

    [Fact]
    public async Task Malformed_answer_is_reported()
    {
        await using var server = await EmbeddingsEndpointServer.StartAsync((_, _) =>
            Results.Content("""{"data": [{"index": 0, "embedding": [1, 2]}]}""", "application/json"));
        using var services = Services(server.BaseUrl);
        var generator = services.GetRequiredService<OpenAiEmbeddingGenerator>();

        var error = await Assert.ThrowsAsync<OpenAiEmbeddingException>(() => generator.GenerateAsync(["one", "two"], cancellationToken: Cancellation));

        Assert.Contains("1 embeddings for 2 inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_server_is_named()
    {
        var baseUrl = new Uri($"http://127.0.0.1:{UnusedPort()}");
        using var services = Services(baseUrl, ("MaxRetries", "1"));
        var generator = services.GetRequiredService<OpenAiEmbeddingGenerator>();

        var error = await Assert.ThrowsAsync<OpenAiEmbeddingException>(() => generator.GenerateAsync(["x"], cancellationToken: Cancellation));

        Assert.Contains($"{baseUrl}v1/embeddings cannot be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_configuration_is_refused_when_the_generator_is_made()
    {
        using var services = Services(new Uri("http://127.0.0.1:1"), ("Model", ""), ("BatchSize", "0"));

        var error = Assert.Throws<ArgumentException>(() => services.GetRequiredService<OpenAiEmbeddingGenerator>());

        Assert.Contains("Embeddings:OpenAi:Model", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:OpenAi:BatchSize", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The provider as the app would build it, from configuration; short retry delays keep the tests quick.</summary>
    private static ServiceProvider Services(Uri baseUrl, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Embeddings:OpenAi:BaseUrl"] = baseUrl.ToString(),
            ["Embeddings:OpenAi:Model"] = "tiny-embedder",
            ["Embeddings:OpenAi:RetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings)
        {
            values[$"Embeddings:OpenAi:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddOpenAiEmbeddingGenerator(configuration);
        return services.BuildServiceProvider();
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
