using System.Net;
using PaperFeed.IntegrationTests.Infrastructure;
using static PaperFeed.IntegrationTests.Infrastructure.TestPapers;

namespace PaperFeed.IntegrationTests.Votes;

/// <summary>A site that allows three votes a minute per visitor.</summary>
public sealed class RateLimitedSite : WebSite
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimiting:Votes:PermitLimit"] = "3",
        ["RateLimiting:Votes:Window"] = "00:01:00",
    };
}

public sealed class VoteRateLimitTests(RateLimitedSite site) : IClassFixture<RateLimitedSite>, IDisposable
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Votes_beyond_the_limit_get_429_with_Retry_After_and_a_problem_while_other_visitors_still_vote()
    {
        await site.Database.InsertAsync(Make("2502.00001", Utc(2025, 2, 3)));

        var allowed = new List<HttpStatusCode>();
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Delete, HttpMethod.Post })
        {
            allowed.Add((await VoteAsync(method, "busy-client-01")).StatusCode);
        }

        var rejected = await VoteAsync(HttpMethod.Post, "busy-client-01");
        var other = await VoteAsync(HttpMethod.Post, "calm-client-02");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        await rejected.AssertTooManyRequestsAsync();
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        // The rejected vote was not counted: one vote from each visitor.
        Assert.Equal(2, await site.Database.ScalarAsync<int>("SELECT local_upvotes FROM papers WHERE id = '2502.00001'"));
    }

    private Task<HttpResponseMessage> VoteAsync(HttpMethod method, string clientKey)
    {
        var request = new HttpRequestMessage(method, "/api/v1/papers/2502.00001/upvote");
        request.Headers.Add("X-Client-Key", clientKey);
        return _client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
