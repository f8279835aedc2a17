using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.OpenApi;

/// <summary>
/// The OpenAPI document is the API's contract: every API endpoint the app maps must be in it, with its parameters,
/// a success schema and its error responses. The list of endpoints comes from the running app, so a new endpoint
/// that forgets its documentation fails here.
/// </summary>
public sealed class OpenApiDocumentTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public async Task Every_api_endpoint_is_documented_with_parameters_responses_and_errors()
    {
        var document = await LoadDocumentAsync();
        var paths = document.GetProperty("paths");
        var endpoints = ApiEndpoints();
        Assert.NotEmpty(endpoints);

        var problems = new List<string>();
        foreach (var (method, route, parameters) in endpoints)
        {
            if (!paths.TryGetProperty(route, out var path) || !path.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                problems.Add($"{method} {route}: missing from the OpenAPI document");
                continue;
            }

            problems.AddRange(CheckOperation($"{method} {route}", operation, parameters));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_discovery_endpoints_are_mapped()
    {
        var mapped = ApiEndpoints().Select(e => $"{e.Method} {e.Route}").ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "GET /api/v1/search", "GET /api/v1/papers/{id}/similar", "POST /api/v1/recommendations",
                "GET /api/v1/papers", "GET /api/v1/papers/{id}",
            },
            mapped);
    }

    [Fact]
    public void The_subscription_endpoints_are_mapped()
    {
        var mapped = ApiEndpoints().Select(e => $"{e.Method} {e.Route}").ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "POST /api/v1/subscriptions", "POST /api/v1/subscriptions/confirm", "GET /api/v1/subscriptions/preferences",
                "PUT /api/v1/subscriptions/preferences", "POST /api/v1/subscriptions/unsubscribe", "GET /api/v1/digests/preview",
            },
            mapped);
    }

    private static IEnumerable<string> CheckOperation(string name, JsonElement operation, IReadOnlyList<string> routeParameters)
    {
        if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
        {
            yield return $"{name}: no summary";
        }

        var documented = operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToHashSet()
            : [];
        foreach (var parameter in routeParameters.Where(p => !documented.Contains(p)))
        {
            yield return $"{name}: route parameter '{parameter}' not documented";
        }

        var responses = operation.GetProperty("responses");
        var codes = responses.EnumerateObject().Select(r => r.Name).ToList();
        var success = codes.FirstOrDefault(c => c.StartsWith('2'));
        if (success is null)
        {
            yield return $"{name}: no 2xx response";
        }
        else if (!responses.GetProperty(success).TryGetProperty("content", out _))
        {
            yield return $"{name}: its {success} response has no schema";
        }

        if (!codes.Any(c => c.StartsWith('4')))
        {
            yield return $"{name}: no 4xx error response";
        }
    }

    private List<(string Method, string Route, IReadOnlyList<string> RouteParameters)> ApiEndpoints() =>
        site.Factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (
                Method: method,
                Route: "/" + e.RoutePattern.RawText!.Trim('/'),
                RouteParameters: (IReadOnlyList<string>)e.RoutePattern.Parameters.Select(p => p.Name).ToList())))
            .Distinct()
            .ToList();

    private async Task<JsonElement> LoadDocumentAsync()
    {
        using var client = site.Factory.CreateClient();
        var json = await client.GetStringAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken);
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
