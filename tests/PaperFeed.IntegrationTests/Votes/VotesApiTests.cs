using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PaperFeed.IntegrationTests.Infrastructure;
using static PaperFeed.IntegrationTests.Infrastructure.TestPapers;

namespace PaperFeed.IntegrationTests.Votes;

/// <summary>A site whose vote limit is out of the way: these tests are about counting, not limiting.</summary>
public sealed class VotingSite : WebSite
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["RateLimiting:Votes:PermitLimit"] = "10000" };
}

/// <summary>Upvotes through the API; each test votes on its own papers.</summary>
public sealed class VotesApiTests(VotingSite site) : IClassFixture<VotingSite>, IDisposable
{
    private readonly TestDatabase _database = site.Database;
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Upvoting_twice_counts_once_and_withdrawing_twice_undoes_it_once()
    {
        await _database.InsertAsync(Make("2501.00001", Utc(2025, 1, 6), upvotes: 10));

        var first = await SendAsync(HttpMethod.Post, "2501.00001");
        var again = await SendAsync(HttpMethod.Post, "2501.00001");
        var paper = await _client.GetJsonAsync("/api/v1/papers/2501.00001");
        var withdrawn = await SendAsync(HttpMethod.Delete, "2501.00001");
        var withdrawnAgain = await SendAsync(HttpMethod.Delete, "2501.00001");

        AssertState(first, "2501.00001", 11, upvoted: true);
        AssertState(again, "2501.00001", 11, upvoted: true);
        Assert.Equal(11, paper.GetProperty("upvotes").GetInt32());
        AssertState(withdrawn, "2501.00001", 10, upvoted: false);
        AssertState(withdrawnAgain, "2501.00001", 10, upvoted: false);
        Assert.Equal((0, 0L), await LocalCountsAsync("2501.00001"));
    }

    [Fact]
    public async Task First_vote_gives_a_long_lived_HttpOnly_cookie_and_only_its_hash_is_stored()
    {
        await _database.InsertAsync(Make("2501.00002", Utc(2025, 1, 6)));

        var response = await _client.PostAsync("/api/v1/papers/2501.00002/upvote", null, TestContext.Current.CancellationToken);
        var second = await _client.PostAsync("/api/v1/papers/2501.00002/upvote", null, TestContext.Current.CancellationToken);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("pf_visitor=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=34560000", cookie, StringComparison.OrdinalIgnoreCase);
        // The browser sends it back: the second vote is the same visitor's, and no new cookie is set.
        Assert.False(second.Headers.Contains("Set-Cookie"));
        var secret = cookie["pf_visitor=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        await using var db = _database.CreateDbContext();
        var vote = await db.PaperVotes.SingleAsync(v => v.PaperId == "2501.00002", TestContext.Current.CancellationToken);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), vote.VoterKey);
        Assert.NotEqual(secret, vote.VoterKey);
    }

    [Fact]
    public async Task Each_visitor_counts_once_whether_known_by_cookie_or_by_client_key()
    {
        await _database.InsertAsync(Make("2501.00003", Utc(2025, 1, 6), upvotes: 4));
        using var otherBrowser = site.Factory.CreateClient();

        await SendAsync(HttpMethod.Post, "2501.00003");
        var two = await SendAsync(HttpMethod.Post, "2501.00003", client: otherBrowser);
        var three = await SendAsync(HttpMethod.Post, "2501.00003", clientKey: "reader-app-0001");
        var stillThree = await SendAsync(HttpMethod.Post, "2501.00003", clientKey: "reader-app-0001");
        var four = await SendAsync(HttpMethod.Post, "2501.00003", clientKey: "reader-app-0002");

        AssertState(two, "2501.00003", 6, upvoted: true);
        AssertState(three, "2501.00003", 7, upvoted: true);
        AssertState(stillThree, "2501.00003", 7, upvoted: true);
        AssertState(four, "2501.00003", 8, upvoted: true);
        Assert.Equal((4, 4L), await LocalCountsAsync("2501.00003"));
    }

    [Fact]
    public async Task Concurrent_identical_votes_count_once_and_concurrent_withdrawals_once()
    {
        await _database.InsertAsync(Make("2501.00004", Utc(2025, 1, 6), upvotes: 2));

        var votes = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => SendAsync(HttpMethod.Post, "2501.00004", clientKey: "same-visitor-42")));
        var afterVotes = await LocalCountsAsync("2501.00004");
        var withdrawals = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => SendAsync(HttpMethod.Delete, "2501.00004", clientKey: "same-visitor-42")));

        Assert.All(votes, state => AssertState(state, "2501.00004", 3, upvoted: true));
        Assert.Equal((1, 1L), afterVotes);
        Assert.All(withdrawals, state => AssertState(state, "2501.00004", 2, upvoted: false));
        Assert.Equal((0, 0L), await LocalCountsAsync("2501.00004"));
    }

    [Fact]
    public async Task A_paper_can_be_voted_on_by_its_arxiv_id_in_any_form()
    {
        var paper = Make("pf-00000000000000a5", Utc(2025, 1, 6));
        paper.ArxivId = "2501.00005";
        await _database.InsertAsync(paper);

        var state = await SendAsync(HttpMethod.Post, "arXiv:2501.00005v2", clientKey: "reader-app-0003");

        AssertState(state, "pf-00000000000000a5", 1, upvoted: true);
    }

    [Fact]
    public async Task Withdrawing_without_ever_voting_changes_nothing_and_sets_no_cookie()
    {
        await _database.InsertAsync(Make("2501.00006", Utc(2025, 1, 6), upvotes: 3));
        using var stranger = site.Factory.CreateClient();

        var response = await stranger.DeleteAsync("/api/v1/papers/2501.00006/upvote", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        AssertState(await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken), "2501.00006", 3, upvoted: false);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task Unknown_paper_is_a_404_problem_and_sets_no_cookie(string method)
    {
        using var stranger = site.Factory.CreateClient();

        var response = await stranger.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1/papers/2512.99999/upvote"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("POST", "not%20an%20id", null, "id")]
    [InlineData("DELETE", "a%2Fb", null, "id")]
    [InlineData("POST", "2501.00001'--", null, "id")]
    [InlineData("POST", "x12345678901234567890123456789012345678901234567890123456789012345", null, "id")]
    [InlineData("POST", "2501.00001", "short", "X-Client-Key")]
    [InlineData("POST", "2501.00001", "has a space", "X-Client-Key")]
    [InlineData("DELETE", "2501.00001", "1234567", "X-Client-Key")]
    public async Task Bad_id_or_client_key_is_a_400_problem_naming_it(string method, string id, string? clientKey, string parameter)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/papers/{id}/upvote");
        if (clientKey is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Client-Key", clientKey);
        }

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await response.AssertBadParameterAsync(parameter);
    }

    [Fact]
    public async Task A_client_key_longer_than_128_characters_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/papers/2501.00001/upvote");
        request.Headers.Add("X-Client-Key", new string('k', 129));

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await response.AssertBadParameterAsync("X-Client-Key");
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string id, string? clientKey = null, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/papers/{Uri.EscapeDataString(id)}/upvote");
        if (clientKey is not null)
        {
            request.Headers.Add("X-Client-Key", clientKey);
        }

        var response = await (client ?? _client).SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {id}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static void AssertState(JsonElement state, string id, int upvotes, bool upvoted)
    {
        Assert.Equal(id, state.GetProperty("id").GetString());
        Assert.Equal(upvotes, state.GetProperty("upvotes").GetInt32());
        Assert.Equal(upvoted, state.GetProperty("upvoted").GetBoolean());
    }

    /// <summary>The paper's local_upvotes and its number of vote rows, which must agree.</summary>
    private async Task<(int LocalUpvotes, long Votes)> LocalCountsAsync(string id) =>
        (await _database.ScalarAsync<int>($"SELECT local_upvotes FROM papers WHERE id = '{id}'"),
         await _database.ScalarAsync<long>($"SELECT count(*) FROM paper_votes WHERE paper_id = '{id}'"));
}
