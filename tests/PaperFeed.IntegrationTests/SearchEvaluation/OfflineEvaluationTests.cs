using PaperFeed.Core.Papers;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.SearchEvaluation.Benchmarks;
using PaperFeed.SearchEvaluation.Corpus;
using PaperFeed.SearchEvaluation.Evaluation;
using static PaperFeed.IntegrationTests.SearchEvaluation.InstanceEvaluationTests;

namespace PaperFeed.IntegrationTests.SearchEvaluation;

/// <summary>
/// <c>--papers-from</c>: the reference methods on source files read with PaperFeed's own parsers, no instance
/// needed — here the bundled sample pages.
/// </summary>
public sealed class OfflineEvaluationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("paperfeed-offline-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Source_files_give_the_papers_and_ids_an_ingest_would_store()
    {
        var papers = await SourceFilePapers.ReadAsync([RepoPaths.SamplesDirectory], null, TestContext.Current.CancellationToken);

        Assert.Equal(SamplePapers.Distinct, papers.Count);
        Assert.All(papers, p => Assert.StartsWith("pf-", p.Id, StringComparison.Ordinal));
        var portaSpeech = Assert.Single(papers, p => p.Title.StartsWith("PortaSpeech", StringComparison.Ordinal));
        Assert.Equal(PaperIdentity.IdFor(new PaperRecord { Title = portaSpeech.Title, Abstract = "", Source = "" }), portaSpeech.Id);
    }

    [Fact]
    public async Task The_repository_judgments_resolve_against_the_bundled_samples()
    {
        var papers = await SourceFilePapers.ReadAsync([RepoPaths.SamplesDirectory], null, TestContext.Current.CancellationToken);
        var judgments = SimilarJudgmentsFile.Read(Path.Combine(RepoPaths.Root, "benchmarks", "relevance", "similar-judgments.tsv"));

        var resolved = new BenchmarkResolution(new PaperCatalog(papers, "samples")).ResolveAll([], judgments).Judgments!;

        Assert.All(resolved.Anchors, a => Assert.Equal(a.Judged.Related.Count, a.RelatedIds.Count));
    }

    [Fact]
    public async Task An_offline_run_scores_only_the_reference_methods()
    {
        var queries = Path.Combine(_directory, "queries.tsv");
        await File.WriteAllTextAsync(queries, Tsv(
            ["portable lightweight speech synthesis with a VAE and a normalizing flow post-net", "title=PortaSpeech: Portable and High-Quality Generative Text-to-Speech"],
            ["a corpus of three trillion tokens to pretrain open language models", "title=Dolma: an Open Corpus of Three Trillion Tokens for Language Model Pretraining Research"]),
            TestContext.Current.CancellationToken);
        var perQuery = Path.Combine(_directory, "ranks.tsv");
        var output = new StringWriter();
        var log = new StringWriter();

        var exit = await EvaluationRun.RunAsync(
            new EvaluationOptions { QueryFiles = [queries], PapersFrom = [RepoPaths.SamplesDirectory], PerQueryFile = perQuery, InstanceUrl = new Uri("http://127.0.0.1:9/") },
            output, log, TestContext.Current.CancellationToken);

        Assert.True(exit == 0, log.ToString());
        Assert.Matches(@"queries\.tsv\s+BM25 \(reference\)\s+2\s+1\.000\s+1\.000", output.ToString());
        Assert.Matches(@"queries\.tsv\s+TF-IDF cosine \(reference\)\s+2\s", output.ToString());
        Assert.DoesNotContain("lexical", output.ToString(), StringComparison.Ordinal);
        var ranks = await File.ReadAllLinesAsync(perQuery, TestContext.Current.CancellationToken);
        Assert.Equal("query_set\tmethod\tline\trank\tquery\ttarget", ranks[0]);
        Assert.Contains("queries.tsv\tBM25 (reference)\t1\t1\tportable lightweight speech synthesis with a VAE and a normalizing flow post-net\ttitle=PortaSpeech: Portable and High-Quality Generative Text-to-Speech", ranks);
        Assert.Equal(5, ranks.Length);
    }
}
