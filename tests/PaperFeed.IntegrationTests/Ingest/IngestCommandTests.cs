using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>The worker's <c>ingest</c> verb as ./paperfeed ingest runs it: summary table, messages, exit code.</summary>
public sealed class IngestCommandTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Ingest_prints_a_summary_and_a_second_run_inserts_nothing()
    {
        var first = await CommandLine.RunWorkerAsync(database, ["ingest", RepoPaths.SamplesDirectory]);
        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Matches(@"inserted\s+updated\s+unchanged\s+rejected", first.StandardOutput);
        var papers = await database.ScalarAsync<long>("SELECT count(*) FROM papers");
        Assert.Equal(SamplePapers.Distinct, papers);
        // Several files: the search index is brought up to date once, after the last, and then holds every paper.
        Assert.Matches(@"(?m)^\(search index, after all sources\)\s+0\s+0\s+0\s+0\s+0\.00\s+0\s+[\d.]+\s+ok$", first.StandardOutput);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM paper_search_pending"));
        Assert.Equal(papers, await database.ScalarAsync<long>("SELECT count(*) FROM paper_search"));

        var second = await CommandLine.RunWorkerAsync(database, ["ingest", .. RepoPaths.SampleFiles]);

        Assert.Equal(0, second.ExitCode);
        Assert.Matches(@"(?m)^total\s+0\s+0\s+\d+\s+0\s+[\d.]+\s+\d+\s+[\d.]+\s+ok$", second.StandardOutput);
        Assert.Equal(papers, await database.ScalarAsync<long>("SELECT count(*) FROM papers"));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("binary")]
    [InlineData("empty")]
    public async Task A_malformed_file_exits_nonzero_naming_the_file_and_reason(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"paperfeed-{kind}-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(path, MalformedFileTests.MalformedContent(kind), TestContext.Current.CancellationToken);
        var papersBefore = await database.ScalarAsync<long>("SELECT count(*) FROM papers");
        try
        {
            var result = await CommandLine.RunWorkerAsync(database, ["ingest", path]);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"error: {path}", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("FAILED", result.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(papersBefore, await database.ScalarAsync<long>("SELECT count(*) FROM papers"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_file_is_reported_and_the_others_still_load()
    {
        var result = await CommandLine.RunWorkerAsync(database, ["ingest", "/nonexistent/papers.txt", RepoPaths.SampleFiles[2]]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/papers.txt", result.StandardError, StringComparison.Ordinal);
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM papers") > 0);
    }
}
