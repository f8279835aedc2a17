using PaperFeed.Data;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest.Live;

/// <summary><c>ingest URL</c> through the real worker CLI, against a loopback server.</summary>
public sealed class IngestUrlCommandTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task An_arXiv_API_URL_is_paged_to_the_end_of_its_results()
    {
        await using var server = await LoopbackServer.StartAsync(LiveSamples.WriteApiPageAsync);
        var url = $"{server.Url("api/query")}?search_query=all:testing&sortBy=relevance&max_results=5";

        var result = await RunWorkerAsync(url);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(["0/5", "5/5", "10/5"], server.Requests.Select(r => $"{r["start"]}/{r["max_results"]}"));
        Assert.All(server.Requests, r => Assert.Equal(("all:testing", "relevance"), (r["search_query"], r["sortBy"])));
        Assert.Matches(@"(?m)^total\s+15\s+0\s+0\s+0\s", result.StandardOutput);
        // The class's other test shares the database and may have run first: count this source's papers only.
        Assert.Equal(15, await database.ScalarAsync<long>("SELECT count(*) FROM papers WHERE source = 'arxiv-api-atom'"));
    }

    [Fact]
    public async Task An_OAI_PMH_URL_is_harvested_following_its_tokens_and_a_failing_URL_exits_nonzero()
    {
        await using var server = await LoopbackServer.StartAsync((context, request) => request.Path == "/oai"
            ? LiveSamples.WriteOaiPageAsync(context, request)
            : LiveSamples.WriteAsync(context, "gone", "text/plain", status: 404));
        var oai = $"{server.Url("oai")}?verb=ListRecords&metadataPrefix=arXivRaw&from=2014-10-01";
        var missing = server.Url("rss/cs.CL").ToString();

        var result = await RunWorkerAsync(oai, missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(4, server.Requests.Count);
        Assert.Contains($"error: {missing}: HTTP 404 Not Found", result.StandardError, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^total\s+11\s+0\s+0\s+0\s.*1 failed$", result.StandardOutput);
    }

    private Task<CommandLine.Result> RunWorkerAsync(params string[] urls) =>
        CommandLine.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "PaperFeed.Worker.dll"), "ingest", .. urls],
            new Dictionary<string, string>
            {
                [$"ConnectionStrings__{DataServiceCollectionExtensions.ConnectionStringName}"] = database.ConnectionString,
                ["Fetch__RequestInterval"] = "00:00:00",
                ["Fetch__MaxRetries"] = "0",
            });
}
