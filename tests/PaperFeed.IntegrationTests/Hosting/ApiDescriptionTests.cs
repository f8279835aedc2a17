using System.Text.Json;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Hosting;

/// <summary>The OpenAPI document describes the feed, trending and vote endpoints fully.</summary>
public sealed class ApiDescriptionTests(WebSite site) : IClassFixture<WebSite>, IDisposable
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("/api/v1/feed", "get", new[] { "200", "304", "400" }, new[] { "date", "week", "month", "limit", "cursor" })]
    [InlineData("/api/v1/trending", "get", new[] { "200", "304", "400" }, new[] { "window", "limit", "cursor" })]
    [InlineData("/api/v1/papers/{id}", "get", new[] { "200", "304", "400", "404" }, new[] { "id" })]
    [InlineData("/api/v1/papers/{id}/upvote", "post", new[] { "200", "400", "404", "429" }, new[] { "id", "X-Client-Key" })]
    [InlineData("/api/v1/papers/{id}/upvote", "delete", new[] { "200", "400", "404", "429" }, new[] { "id", "X-Client-Key" })]
    public async Task Endpoints_have_a_summary_described_parameters_and_every_response(string path, string method, string[] responses, string[] parameters)
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.Equal(responses.Order(), operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order());
        var described = operation.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("description", out var d) ? d.GetString() : null);
        Assert.Equal(parameters.Order(), described.Keys.Order());
        Assert.All(described.Values, description => Assert.False(string.IsNullOrWhiteSpace(description)));
    }

    [Fact]
    public async Task Trending_items_document_the_parts_of_their_score()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        var item = document.GetProperty("components").GetProperty("schemas").GetProperty("TrendingItemDto").GetProperty("properties");
        foreach (var part in new[] { "score", "upvotes", "localUpvotes", "ageHours", "gravity", "paper" })
        {
            Assert.True(item.TryGetProperty(part, out _), part);
        }

        Assert.Equal(JsonValueKind.String, item.GetProperty("score").GetProperty("description").ValueKind);
    }
}
