using System.Diagnostics;
using System.Globalization;
using System.Text;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>
/// An ingest killed with SIGKILL half-way, then run again, ends with exactly the table an uninterrupted run
/// leaves: every batch is atomic and merging is idempotent, so a re-run simply completes the work. Batches are large
/// enough to be written on two connections, and the kill comes after the load has dropped the secondary indexes
/// (a bulk load, <see cref="Data.Ingest.BulkLoadIndexes"/>): the re-run builds them again.
/// </summary>
public sealed class InterruptedIngestTests : IAsyncLifetime
{
    private const int Papers = 40_000;
    private const int BatchSize = 2_000;

    private readonly TestDatabase _uninterrupted = new();
    private readonly TestDatabase _interrupted = new();
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"paperfeed-kill-{Guid.NewGuid():N}.jsonl");

    public async ValueTask InitializeAsync()
    {
        await _uninterrupted.InitializeAsync();
        await _interrupted.InitializeAsync();
        await File.WriteAllLinesAsync(_file, Enumerable.Range(0, Papers).Select(SnapshotLine));
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_file);
        await _uninterrupted.DisposeAsync();
        await _interrupted.DisposeAsync();
    }

    [Fact]
    public async Task Ingest_killed_midway_then_rerun_leaves_the_same_table_as_an_uninterrupted_one()
    {
        var complete = await RunIngestAsync(_uninterrupted);
        Assert.True(complete.ExitCode == 0, complete.StandardError);

        using (var doomed = StartIngest(_interrupted))
        {
            await WaitForPapersAsync(_interrupted, atLeast: Data.Ingest.PaperIngester.DefaultBulkThreshold + (2 * BatchSize), doomed);
            doomed.Kill(); // SIGKILL: no chance to clean up or commit anything more
            await doomed.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var stored = await _interrupted.ScalarAsync<long>("SELECT count(*) FROM papers");
        Assert.InRange(stored, 1, Papers - 1);
        Assert.DoesNotContain("ix_papers_title_key", await IndexesAsync(_interrupted), StringComparison.Ordinal);

        var rerun = await RunIngestAsync(_interrupted);
        Assert.True(rerun.ExitCode == 0, rerun.StandardError);

        Assert.Equal(Papers, await _interrupted.ScalarAsync<long>("SELECT count(*) FROM papers"));

        // The killed run is closed as interrupted by the next ingest, which holds the ingest lock.
        Assert.Equal(0, await _interrupted.ScalarAsync<long>("SELECT count(*) FROM ingest_runs WHERE status = 'Running'"));
        Assert.Equal(1, await _interrupted.ScalarAsync<long>(
            $"SELECT count(*) FROM ingest_runs WHERE status = 'Failed' AND error = '{Data.Ingest.PaperIngester.InterruptedRunError}'"));
        Assert.Equal(await TableDigestAsync(_uninterrupted), await TableDigestAsync(_interrupted));
        Assert.Equal(await IndexesAsync(_uninterrupted), await IndexesAsync(_interrupted));
    }

    private static Task<string> IndexesAsync(TestDatabase database) =>
        database.ScalarAsync<string>(
            "SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'");

    // Everything a paper row holds except the wall-clock timestamps of when it was written, and its index entry.
    private static Task<string> TableDigestAsync(TestDatabase database) =>
        database.ScalarAsync<string>("""
            SELECT md5(string_agg(row(p.id, arxiv_id, arxiv_version, title_key, title, title_is_derived, abstract,
                                      authors, author_count, published_at, date_precision, categories, upvotes,
                                      url, pdf_url, source, content_hash, local_upvotes,
                                      s.terms, s.weights::text, s.title_length, s.abstract_length)::text,
                              E'\n' ORDER BY p.id))
            FROM papers p LEFT JOIN paper_search s ON s.paper_id = p.id
            """);

    private Task<CommandLine.Result> RunIngestAsync(TestDatabase database) =>
        CommandLine.RunAsync("dotnet", WorkerArguments(), Environment(database), timeout: TimeSpan.FromMinutes(5));

    private Process StartIngest(TestDatabase database)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in WorkerArguments())
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment(database))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private string[] WorkerArguments() =>
        [Path.Combine(AppContext.BaseDirectory, "PaperFeed.Worker.dll"), "ingest", _file];

    private static Dictionary<string, string> Environment(TestDatabase database) => new()
    {
        ["ConnectionStrings__PaperFeed"] = database.ConnectionString,
        ["Ingest__BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task WaitForPapersAsync(TestDatabase database, long atLeast, Process ingest)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await database.ScalarAsync<long>("SELECT count(*) FROM papers") < atLeast)
        {
            Assert.False(ingest.HasExited, "the ingest finished before it could be killed");
            Assert.True(DateTime.UtcNow < deadline, "the ingest stored nothing within two minutes");
            await Task.Delay(20);
        }
    }

    // One paper in the Kaggle arXiv snapshot schema.
    private static string SnapshotLine(int i)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"2501.{i + 1:D5}"); // 2501.00000 is not an arXiv id
        var text = new StringBuilder("  We study synthetic paper ").Append(i)
            .Append(" and its effect on retrieval, ranking and summarisation of scientific abstracts. ")
            .Append("Experiments on ").Append(i % 97).Append(" benchmarks show consistent gains.").ToString();
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {"id":"{{id}}","submitter":null,"authors":"Ada Lovelace and Alan Turing","title":"Synthetic Paper {{i}} on Retrieval","comments":null,"journal-ref":null,"doi":null,"report-no":null,"categories":"cs.CL cs.IR","license":null,"abstract":"{{text}}","versions":[{"version":"v1","created":"Mon, 6 Jan 2025 00:00:00 GMT"}],"update_date":"2025-01-06","authors_parsed":[["Lovelace","Ada",""],["Turing","Alan",""]]}
            """);
    }
}
