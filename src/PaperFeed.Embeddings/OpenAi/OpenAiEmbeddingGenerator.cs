using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.AI;
using Polly.Timeout;

namespace PaperFeed.Embeddings.OpenAi;

/// <summary>
/// Embeddings from a server speaking OpenAI's <c>POST /v1/embeddings</c> (OpenAI, Ollama, TEI, vLLM): the texts go in
/// batches of <see cref="OpenAiEmbeddingOptions.BatchSize"/>, and the vectors come back in the texts' order whatever
/// order the server lists them in. Retries and time-outs belong to the <see cref="HttpClient"/>'s pipeline (see
/// <see cref="OpenAiEmbeddingServiceCollectionExtensions.AddOpenAiEmbeddingGenerator"/>); every failure that
/// remains is an <see cref="OpenAiEmbeddingException"/> naming the endpoint and quoting the server.
/// </summary>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HttpClient _http;
    private readonly OpenAiEmbeddingOptions _options;
    private readonly Uri _endpoint;

    /// <param name="httpClient">Not disposed here: it belongs to whoever made it (an <see cref="IHttpClientFactory"/>).</param>
    public OpenAiEmbeddingGenerator(HttpClient httpClient, OpenAiEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        OptionsValidation.ThrowIfInvalid(options);
        _http = httpClient;
        _options = options;
        _endpoint = options.EmbeddingsEndpoint;
        Metadata = new EmbeddingGeneratorMetadata("openai", _endpoint, options.Model, options.Dimensions);
    }

    public EmbeddingGeneratorMetadata Metadata { get; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var model = options?.ModelId ?? _options.Model;
        var dimensions = options?.Dimensions ?? _options.Dimensions;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        long? promptTokens = null, totalTokens = null;
        foreach (var batch in values.Chunk(_options.BatchSize))
        {
            var request = new OpenAiEmbeddingsProtocol.Request(model, batch, options?.Dimensions ?? (_options.SendDimensions ? dimensions : null));
            var answer = await PostAsync(request, cancellationToken);
            var width = dimensions ?? embeddings.FirstOrDefault()?.Dimensions;
            if (width is not null && answer.Vectors[0].Length != width)
            {
                throw new OpenAiEmbeddingException(
                    $"The embeddings endpoint {_endpoint} returned {answer.Vectors[0].Length}-dimensional vectors from model '{answer.Model ?? model}'; {width} were expected ({OpenAiEmbeddingOptions.Section}:Dimensions, or the earlier batches).");
            }

            var createdAt = DateTimeOffset.UtcNow;
            embeddings.AddRange(answer.Vectors.Select(vector =>
                new Embedding<float>(vector) { ModelId = answer.Model ?? model, CreatedAt = createdAt }));
            promptTokens = Sum(promptTokens, answer.PromptTokens);
            totalTokens = Sum(totalTokens, answer.TotalTokens);
        }

        if (promptTokens is not null || totalTokens is not null)
        {
            embeddings.Usage = new UsageDetails { InputTokenCount = promptTokens, TotalTokenCount = totalTokens };
        }

        return embeddings;
    }

    private async Task<OpenAiEmbeddingsProtocol.Answer> PostAsync(OpenAiEmbeddingsProtocol.Request body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(OpenAiEmbeddingsProtocol.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        using var response = await SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new OpenAiEmbeddingException(
                $"The embeddings endpoint {_endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase}: {OpenAiEmbeddingsProtocol.ErrorMessage(text)}",
                null, response.StatusCode);
        }

        try
        {
            return OpenAiEmbeddingsProtocol.Parse(text, body.Input.Count);
        }
        catch (InvalidDataException e)
        {
            throw new OpenAiEmbeddingException($"The embeddings endpoint {_endpoint} answered, but {e.Message}", e, response.StatusCode);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new OpenAiEmbeddingException($"The embeddings endpoint {_endpoint} cannot be reached: {e.Message}", e, e.StatusCode);
        }
        catch (TimeoutRejectedException e)
        {
            throw new OpenAiEmbeddingException($"The embeddings endpoint {_endpoint} did not answer within {e.Timeout.TotalSeconds:0.###} s.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own Timeout, when the client was not made with the resilience pipeline.
            throw new OpenAiEmbeddingException($"The embeddings endpoint {_endpoint} did not answer in time.", e);
        }
    }

    private static long? Sum(long? total, long? part) => part is null ? total : (total ?? 0) + part;

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // Nothing of its own to release: the HttpClient is the factory's.
    }
}
