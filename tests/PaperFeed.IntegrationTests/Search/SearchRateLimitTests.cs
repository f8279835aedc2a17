using System.Net;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>A site that allows two searches a minute per visitor.</summary>
public sealed class SearchRateLimitedSite : WebSite
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimiting:Search:PermitLimit"] = "2",
        ["RateLimiting:Search:Window"] = "00:01:00",
    };
}

public sealed class SearchRateLimitTests(SearchRateLimitedSite site) : IClassFixture<SearchRateLimitedSite>, IDisposable
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("/api/v1/search?q=diffusion&mode=lexical", "searcher-0001")]
    [InlineData("/api/papers/search?q=diffusion", "searcher-0002")]
    [InlineData("/api/v1/papers/2202.12139/similar", "searcher-0003")]
    public async Task Searches_beyond_the_limit_get_429_with_Retry_After_while_other_visitors_still_search(string path, string clientKey)
    {
        var allowed = new[] { await GetAsync(path, clientKey), await GetAsync(path, clientKey) };
        using var rejected = await GetAsync(path, clientKey);
        using var other = await GetAsync(path, clientKey + "-other");

        Assert.All(allowed, response => Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode));
        await rejected.AssertTooManyRequestsAsync();
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string clientKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Client-Key", clientKey);
        return _client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
