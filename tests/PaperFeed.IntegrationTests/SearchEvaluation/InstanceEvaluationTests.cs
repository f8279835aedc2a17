using System.Net;
using System.Net.Sockets;
using PaperFeed.Core.Papers;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.SearchEvaluation.Benchmarks;
using PaperFeed.SearchEvaluation.Corpus;
using PaperFeed.SearchEvaluation.Evaluation;
using PaperFeed.SearchEvaluation.Instance;

namespace PaperFeed.IntegrationTests.SearchEvaluation;

/// <summary>
/// The evaluation tool against a running instance, here a scripted one on a loopback port (real HTTP) serving the
/// first eight papers of a bundled sample page, plus an arXiv copy of one of them. Every expected figure below is
/// worked out by hand from the scripted rankings.
/// </summary>
public sealed class InstanceEvaluationTests : IAsyncLifetime
{
    // Papers 0-7 of samples/daily-papers/001_*.txt, in page order.
    private const string PortaSpeech = "PortaSpeech: Portable and High-Quality Generative Text-to-Speech";
    private const string UnlockingSpell = "The Unlocking Spell on Base LLMs: Rethinking Alignment via In-Context Learning";
    private const string AlignmentSurvey = "Large Language Model Alignment: A Survey";
    private const string SegmentAnyText = "Segment Any Text: A Universal Approach for Robust, Efficient and Adaptable Sentence Segmentation";

    private readonly string _directory = Directory.CreateTempSubdirectory("paperfeed-eval-").FullName;
    private ScriptedPaperFeed _feed = null!;

    // Paper 8: the alignment survey once more, as the arXiv snapshot stores it: same title, other id.
    private string SurveyFromArxiv => _feed.IdOf(8);

    public async ValueTask InitializeAsync()
    {
        _feed = await ScriptedPaperFeed.StartAsync(8, new PaperRecord
        {
            ArxivId = "2309.15025",
            Title = AlignmentSurvey,
            Abstract = "Recent years have witnessed remarkable progress made in large language models (LLMs).",
            Source = "arxiv-snapshot",
        });
        Assert.Equal(AlignmentSurvey, _feed.Papers[2].Paper.Title);
    }

    public async ValueTask DisposeAsync()
    {
        await _feed.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Mrr_and_recall_at_10_follow_the_rank_of_each_target()
    {
        var set = await ResolveAsync(ScriptFourQueries());
        var client = new PaperFeedClient(new HttpClient { BaseAddress = _feed.Url });
        var ct = TestContext.Current.CancellationToken;

        var lexical = await KnownItemEvaluation.RunAsync(new InstanceSearch(client, "lexical"), set, ct);
        var semantic = await KnownItemEvaluation.RunAsync(new InstanceSearch(client, "semantic"), set, ct);

        // Lexical: ranks 1, 3, 11 (cut off at 10: a miss), and 2 (the arXiv copy counts as the paper).
        Assert.Equal([1, 3, null, 2], lexical.Outcomes.Select(o => o.Rank));
        Assert.Equal((1 + (1 / 3.0) + 0 + (1 / 2.0)) / 4, lexical.Mrr, 12);
        Assert.Equal(3 / 4.0, lexical.Recall, 12);
        // Semantic: ranks 2, none, 1, 5.
        Assert.Equal([2, null, 1, 5], semantic.Outcomes.Select(o => o.Rank));
        Assert.Equal((0.5 + 0 + 1 + 0.2) / 4, semantic.Mrr, 12);
        Assert.Equal(3 / 4.0, semantic.Recall, 12);
        Assert.True(lexical.Latency.P50 > 0 && lexical.Latency.P50 <= lexical.Latency.P95 && lexical.Latency.P95 <= lexical.Latency.P99);

        var searches = _feed.Requests.Where(r => r.Path == "/api/v1/search").ToList();
        Assert.Equal(2 * (1 + 4), searches.Count); // a warm-up request, then each query, per mode
        Assert.All(searches, r => Assert.Equal("10", r["limit"]));
        Assert.Contains(searches, r => r["q"] == "what does alignment tuning actually change in a base model?" && r["mode"] == "semantic");
    }

    [Fact]
    public async Task Precision_at_5_counts_judged_papers_and_skips_the_anchor_under_another_id()
    {
        var judgments = await ResolveJudgmentsAsync(ScriptTwoAnchors());
        var client = new PaperFeedClient(new HttpClient { BaseAddress = _feed.Url });

        var scores = await SimilarEvaluation.RunAsync(new InstanceSimilar(client), judgments, TestContext.Current.CancellationToken);

        // The survey (asked about under its arXiv id, the lower one): its sample-page copy is skipped, leaving
        // papers 5, 3, 1, 4, 6, of which 5 and 1 are judged related: 2/5. Sinhala: 3 of two results is related: 1/5.
        Assert.Equal([2, 1], scores.Outcomes.Select(o => o.RelatedFound));
        Assert.Equal([_feed.IdOf(5), _feed.IdOf(3), _feed.IdOf(1), _feed.IdOf(4), _feed.IdOf(6)], scores.Outcomes[0].Top);
        Assert.Equal(((2 / 5.0) + (1 / 5.0)) / 2, scores.PrecisionAt5, 12);

        var similar = _feed.Requests.Where(r => r.Path.EndsWith("/similar", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal([$"/api/v1/papers/{SurveyFromArxiv}/similar", $"/api/v1/papers/{_feed.IdOf(4)}/similar"], similar.Select(r => r.Path));
        Assert.Equal(["6", "5"], similar.Select(r => r["limit"]!)); // one more for the survey, whose copy is skipped
    }

    [Fact]
    public async Task Titles_resolve_after_folding_case_punctuation_and_whitespace_and_to_every_copy()
    {
        var client = new PaperFeedClient(new HttpClient { BaseAddress = _feed.Url });
        var catalog = new PaperCatalog(await client.ReadAllPapersAsync(null, TestContext.Current.CancellationToken), "scripted");

        Assert.Equal(9, catalog.Papers.Count);
        Assert.Equal([_feed.IdOf(1)], catalog.Resolve(Target("title=the unlocking spell on base llms   rethinking alignment via in context learning")));
        Assert.Equal([_feed.IdOf(3)], catalog.Resolve(Target("title=Segment  Any Text - a universal approach for robust efficient and adaptable sentence segmentation")));
        Assert.Equal([_feed.IdOf(2), SurveyFromArxiv], catalog.Resolve(Target($"title={AlignmentSurvey}")));
        Assert.Equal([_feed.IdOf(0)], catalog.Resolve(Target("abstract~Non-autoregressive text-to-speech (NAR-TTS) models")));
        Assert.Empty(catalog.Resolve(Target("title=Large Language Model Alignment")));
        Assert.Empty(catalog.Resolve(Target("abstract~autoregressive text to spee"))); // whole words only
    }

    [Fact]
    public async Task A_run_prints_every_method_and_writes_the_markdown_table()
    {
        var queries = Write("queries.tsv", ScriptFourQueries());
        var judgments = Write("judgments.tsv", ScriptTwoAnchors());
        var markdown = Path.Combine(_directory, "table.md");
        var output = new StringWriter();
        var log = new StringWriter();

        var exit = await EvaluationRun.RunAsync(
            new EvaluationOptions { InstanceUrl = _feed.Url, QueryFiles = [queries], JudgmentsFile = judgments, Modes = ["lexical", "semantic"], MarkdownFile = markdown },
            output, log, TestContext.Current.CancellationToken);

        Assert.True(exit == 0, log.ToString());
        var table = await File.ReadAllTextAsync(markdown, TestContext.Current.CancellationToken);
        Assert.Contains("| query set | method | queries | MRR@10 | R@10 | p50 ms | p95 ms | p99 ms |", table, StringComparison.Ordinal);
        Assert.Contains("| queries.tsv | lexical | 4 | 0.458 | 0.750 |", table, StringComparison.Ordinal);
        Assert.Contains("| queries.tsv | semantic | 4 | 0.425 | 0.750 |", table, StringComparison.Ordinal);
        Assert.Contains("| queries.tsv | BM25 (reference) | 4 |", table, StringComparison.Ordinal);
        Assert.Contains("| queries.tsv | TF-IDF cosine (reference) | 4 |", table, StringComparison.Ordinal);
        Assert.Contains("| judgments.tsv | similar endpoint | 2 | 0.300 |", table, StringComparison.Ordinal);
        Assert.Contains("| judgments.tsv | BM25, title+abstract as query (reference) | 2 |", table, StringComparison.Ordinal);
        Assert.Matches(@"queries\.tsv\s+lexical\s+4\s+0\.458\s+0\.750", output.ToString());
        Assert.Contains("Papers: 9 from " + _feed.Url + "api/v1/papers", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Targets_that_match_no_paper_stop_the_run_and_are_each_listed()
    {
        var queries = Write("queries.tsv", Tsv(
            ["speech synthesis that fits on a phone", $"title={PortaSpeech}"],
            ["a paper nobody wrote", "title=No Such Paper"],
            ["# a comment line"],
            ["another paper nobody wrote", "title=Large Language Model Alignment"]));
        var log = new StringWriter();

        var exit = await EvaluationRun.RunAsync(
            new EvaluationOptions { InstanceUrl = _feed.Url, QueryFiles = [queries] }, new StringWriter(), log, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains("2 benchmark target(s) match no paper", log.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{queries}:2: title=No Such Paper (no such paper)", log.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{queries}:4: title=Large Language Model Alignment (no such paper)", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_feed.Requests, r => r.Path == "/api/v1/search");
    }

    [Fact]
    public async Task An_instance_without_the_search_endpoint_is_named_with_the_request_and_status()
    {
        _feed.ServesSearch = false;
        var queries = Write("queries.tsv", Tsv(["speech synthesis that fits on a phone", $"title={PortaSpeech}"]));
        var log = new StringWriter();

        var exit = await EvaluationRun.RunAsync(
            new EvaluationOptions { InstanceUrl = _feed.Url, QueryFiles = [queries] }, new StringWriter(), log, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains($"GET {_feed.Url}api/v1/search?q=speech%20synthesis%20that%20fits%20on%20a%20phone&mode=lexical&limit=10 answered 404 Not Found", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("does this instance have that endpoint?", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_says_clearly_when_no_instance_answers()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var queries = Write("queries.tsv", Tsv(["speech synthesis that fits on a phone", $"title={PortaSpeech}"]));

        var result = await CommandLine.RunAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "PaperFeed.SearchEvaluation.dll"), "--url", $"http://127.0.0.1:{port}", "--queries", queries]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"eval-search: cannot reach PaperFeed at http://127.0.0.1:{port}/", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("./paperfeed up", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    private string ScriptFourQueries()
    {
        string[] others = [.. Enumerable.Range(4, 5).Select(_feed.IdOf)];
        const string speech = "small text to speech model that still sounds natural";
        const string alignment = "what does alignment tuning actually change in a base model?";
        const string segmentation = "split text into sentences robustly across languages";
        const string survey = "overview of methods for aligning LLMs";
        _feed.ScriptSearch(speech, "lexical", _feed.IdOf(0), _feed.IdOf(1));
        _feed.ScriptSearch(alignment, "lexical", _feed.IdOf(4), _feed.IdOf(5), _feed.IdOf(1));
        // Eleven results: the target is the 11th, beyond the 10 asked for.
        _feed.ScriptSearch(segmentation, "lexical", [.. others, .. others[..4], _feed.IdOf(0), _feed.IdOf(3)]);
        _feed.ScriptSearch(survey, "lexical", _feed.IdOf(5), SurveyFromArxiv, _feed.IdOf(2));
        _feed.ScriptSearch(speech, "semantic", _feed.IdOf(6), _feed.IdOf(0));
        _feed.ScriptSearch(segmentation, "semantic", _feed.IdOf(3));
        _feed.ScriptSearch(survey, "semantic", _feed.IdOf(1), _feed.IdOf(5), _feed.IdOf(6), _feed.IdOf(7), _feed.IdOf(2));
        return Tsv(
            [speech, $"title={PortaSpeech}"],
            [alignment, "title=the unlocking spell on base LLMs - rethinking alignment via in-context learning"],
            [segmentation, $"title={SegmentAnyText}"],
            [survey, $"title={AlignmentSurvey}"]);
    }

    private string ScriptTwoAnchors()
    {
        _feed.ScriptSimilar(SurveyFromArxiv, _feed.IdOf(2), _feed.IdOf(5), _feed.IdOf(3), _feed.IdOf(1), _feed.IdOf(4), _feed.IdOf(6), _feed.IdOf(7));
        _feed.ScriptSimilar(_feed.IdOf(4), _feed.IdOf(0), _feed.IdOf(3));
        return Tsv(
            [$"title={AlignmentSurvey}", $"title={_feed.Papers[5].Paper.Title}"],
            [$"title={AlignmentSurvey}", $"title={UnlockingSpell}"],
            [$"title={AlignmentSurvey}", $"title={_feed.Papers[7].Paper.Title}"],
            [$"title={_feed.Papers[4].Paper.Title}", $"title={SegmentAnyText}"]);
    }

    private async Task<ResolvedQuerySet> ResolveAsync(string queries)
    {
        var set = QuerySetFile.Read(Write("queries.tsv", queries));
        var catalog = await ReadCatalogAsync();
        return new BenchmarkResolution(catalog).ResolveAll([set], null).Sets.Single();
    }

    private async Task<ResolvedJudgments> ResolveJudgmentsAsync(string judgments)
    {
        var file = SimilarJudgmentsFile.Read(Write("judgments.tsv", judgments));
        var catalog = await ReadCatalogAsync();
        return new BenchmarkResolution(catalog).ResolveAll([], file).Judgments!;
    }

    private async Task<PaperCatalog> ReadCatalogAsync()
    {
        var client = new PaperFeedClient(new HttpClient { BaseAddress = _feed.Url });
        return new PaperCatalog(await client.ReadAllPapersAsync(null, TestContext.Current.CancellationToken), "scripted");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Lines of tab-separated fields, as benchmark files hold them.</summary>
    internal static string Tsv(params string[][] lines) => string.Join("\n", lines.Select(fields => string.Join('\t', fields))) + "\n";

    private static PaperTarget Target(string field) =>
        PaperTarget.TryParse(field, out var target, out var error) ? target! : throw new ArgumentException(error, nameof(field));
}
