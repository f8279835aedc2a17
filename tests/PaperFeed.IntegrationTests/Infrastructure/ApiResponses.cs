using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>Reading the API's answers in tests: JSON bodies, and the shape of its 400 and 429 problems.</summary>
public static class ApiResponses
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public static IReadOnlyList<string> Ids(this JsonElement page, string? nested = null) =>
        page.GetProperty("items").EnumerateArray()
            .Select(item => (nested is null ? item : item.GetProperty(nested)).GetProperty("id").GetString()!)
            .ToList();

    /// <summary>Checks a response is a 400 problem whose <c>parameter</c> names the input, and returns its detail.</summary>
    public static async Task<string> AssertBadParameterAsync(this HttpResponseMessage response, string parameter)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(detail));
        if (problem.TryGetProperty("parameter", out var named))
        {
            Assert.Equal(parameter, named.GetString());
        }
        else
        {
            // Binding failures found by the framework name the parameter in their detail only.
            Assert.Contains(parameter, detail, StringComparison.Ordinal);
        }

        return detail;
    }

    /// <summary>Checks a response is the rate limiter's refusal: 429, Retry-After of 1 to 60 s, and a problem saying so.</summary>
    public static async Task AssertTooManyRequestsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
