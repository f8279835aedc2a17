using System.Net;
using System.Net.Http.Headers;
using PaperFeed.IntegrationTests.Infrastructure;
using static PaperFeed.IntegrationTests.Infrastructure.TestPapers;

namespace PaperFeed.IntegrationTests.Caching;

/// <summary>ETag, Cache-Control and 304 on the feed, trending and single-paper endpoints.</summary>
public sealed class ConditionalGetTests(WebSite site) : IClassFixture<WebSite>, IDisposable
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("/api/v1/feed?date=2026-11-20", 60)]
    [InlineData("/api/v1/feed?week=2026-W47&limit=5", 60)]
    [InlineData("/api/v1/trending?window=week", 60)]
    [InlineData("/api/v1/papers/2611.00001", 300)]
    public async Task Answers_carry_an_ETag_and_Cache_Control_and_a_matching_If_None_Match_gets_304(string url, int maxAge)
    {
        await EnsurePapersAsync();

        var first = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag;
        var notModified = await GetAsync(url, etag!.Tag);
        var weakly = await GetAsync(url, $"W/{etag.Tag}");
        var listed = await GetAsync(url, $"\"other\", {etag.Tag}");
        var star = await GetAsync(url, "*");
        var stale = await GetAsync(url, "\"something-else\"");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(etag.IsWeak);
        Assert.Equal(TimeSpan.FromSeconds(maxAge), first.Headers.CacheControl?.MaxAge);
        Assert.True(first.Headers.CacheControl?.Public);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        foreach (var response in new[] { notModified, weakly, listed, star })
        {
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(etag, response.Headers.ETag);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await stale.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/api/v1/feed?date=2026-11-20")]
    [InlineData("/api/v1/trending?window=week")]
    [InlineData("/api/v1/papers/2611.00001")]
    public async Task A_vote_changes_the_ETag_so_the_old_one_gets_the_new_answer(string url)
    {
        await EnsurePapersAsync();
        var before = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        var vote = new HttpRequestMessage(HttpMethod.Post, "/api/v1/papers/2611.00001/upvote");
        vote.Headers.Add("X-Client-Key", $"cache-test-{Guid.NewGuid():N}");
        (await _client.SendAsync(vote, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var after = await GetAsync(url, before.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Errors_carry_no_ETag()
    {
        var response = await _client.GetAsync("/api/v1/feed?limit=0", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }

    private async Task EnsurePapersAsync()
    {
        if (await site.Database.ScalarAsync<long>("SELECT count(*) FROM papers") == 0)
        {
            await site.Database.InsertAsync(
                Make("2611.00001", Utc(2026, 11, 20), upvotes: 3),
                Make("2611.00002", Utc(2026, 11, 20), upvotes: 5),
                Make("2611.00003", Utc(2026, 11, 18), upvotes: 1));
        }
    }

    private Task<HttpResponseMessage> GetAsync(string url, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return _client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
