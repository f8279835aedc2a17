using System.Diagnostics;
using System.Globalization;
using PaperFeed.Core.Ingest;
using PaperFeed.SearchEvaluation.Benchmarks;
using PaperFeed.SearchEvaluation.Corpus;
using PaperFeed.SearchEvaluation.Instance;
using PaperFeed.SearchEvaluation.Reference;
using PaperFeed.SearchEvaluation.Report;

namespace PaperFeed.SearchEvaluation.Evaluation;

/// <summary>
/// One evaluation, start to end: read and check the benchmark files, read the papers (from the instance or from
/// source files), resolve every target, index the papers for the reference methods, run every method on every
/// query set and on the judgments, and write the tables. Progress goes to <c>log</c>, results to <c>output</c>.
/// </summary>
internal static class EvaluationRun
{
    public const int Succeeded = 0;
    public const int Failed = 1;

    public static async Task<int> RunAsync(EvaluationOptions options, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            var (sets, judgments) = ReadBenchmarks(options);
            using var http = new HttpClient { BaseAddress = WithTrailingSlash(options.InstanceUrl), Timeout = options.RequestTimeout };
            var client = new PaperFeedClient(http);
            var catalog = await ReadPapersAsync(options, client, log, cancellationToken);
            var (resolvedSets, resolvedJudgments) = new BenchmarkResolution(catalog).ResolveAll(sets, judgments);

            var started = Stopwatch.GetTimestamp();
            log.WriteLine($"Indexing {Count(catalog.Papers.Count)} papers for the reference methods...");
            var bm25 = Bm25Index.Build(catalog.Papers);
            log.WriteLine($"  BM25 in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            started = Stopwatch.GetTimestamp();
            var tfIdf = TfIdfIndex.Build(catalog.Papers);
            log.WriteLine($"  TF-IDF in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s ({Count(tfIdf.Vectorizer.FeatureCount)} features)");

            var instanceModes = options.Offline ? [] : options.Modes;
            List<ISearchMethod> searchMethods = [.. instanceModes.Select(mode => new InstanceSearch(client, mode)), new Bm25Search(bm25), new TfIdfSearch(tfIdf)];
            List<ISimilarMethod> similarMethods = [new Bm25Similar(bm25), new TfIdfSimilar(tfIdf)];
            if (!options.Offline)
            {
                similarMethods.Insert(0, new InstanceSimilar(client));
            }

            var search = new List<QuerySetReport>();
            foreach (var set in resolvedSets)
            {
                var scores = new List<KnownItemScores>();
                foreach (var method in searchMethods)
                {
                    log.WriteLine($"{set.Set.Name}: {method.Name}...");
                    scores.Add(await KnownItemEvaluation.RunAsync(method, set, cancellationToken));
                }

                search.Add(new QuerySetReport(set, scores));
            }

            SimilarReport? similar = null;
            if (resolvedJudgments is not null)
            {
                var scores = new List<SimilarScores>();
                foreach (var method in similarMethods)
                {
                    log.WriteLine($"{resolvedJudgments.Judgments.Name}: {method.Name}...");
                    scores.Add(await SimilarEvaluation.RunAsync(method, resolvedJudgments, cancellationToken));
                }

                similar = new SimilarReport(resolvedJudgments, scores);
            }

            var report = new EvaluationReport(catalog.Origin, catalog.Papers.Count, DateTimeOffset.UtcNow, search, similar);
            WriteReport(report, options, output);
            return Succeeded;
        }
        catch (BenchmarkFileException e)
        {
            log.WriteLine($"eval-search: a benchmark file cannot be used:{Environment.NewLine}{e.Message}");
        }
        catch (InstanceException e)
        {
            log.WriteLine($"eval-search: {e.Message}");
        }
        catch (UnresolvedTargetsException e)
        {
            log.WriteLine($"eval-search: {e.Message}");
            log.WriteLine(options.Offline
                ? "Check the titles, or read the source files that hold these papers too."
                : "Check the titles, or ingest the papers first (./paperfeed ingest FILE...).");
        }
        catch (Exception e) when (e is SourceFormatException or IOException or UnauthorizedAccessException)
        {
            // A source file that cannot be parsed, or a file that cannot be read or written: the message names it.
            log.WriteLine($"eval-search: {e.Message}");
        }

        return Failed;
    }

    private static (IReadOnlyList<QuerySet> Sets, SimilarJudgments? Judgments) ReadBenchmarks(EvaluationOptions options)
    {
        // Nothing named: the repository's benchmarks. Only one kind named: only that kind is evaluated.
        var useDefaults = options.QueryFiles.Count == 0 && options.JudgmentsFile is null;
        var queryFiles = useDefaults ? EvaluationOptions.DefaultQueryFiles : options.QueryFiles;
        var judgmentsFile = useDefaults ? EvaluationOptions.DefaultJudgmentsFile : options.JudgmentsFile;

        // Every file is checked before anything is reported, so that one run lists all the problems.
        var errors = new List<BenchmarkFileError>();
        var sets = new List<QuerySet>();
        foreach (var file in queryFiles)
        {
            try
            {
                sets.Add(QuerySetFile.Read(file));
            }
            catch (BenchmarkFileException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        SimilarJudgments? judgments = null;
        if (judgmentsFile is not null)
        {
            try
            {
                judgments = SimilarJudgmentsFile.Read(judgmentsFile);
            }
            catch (BenchmarkFileException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        return errors.Count > 0 ? throw new BenchmarkFileException(errors) : (sets, judgments);
    }

    private static async Task<PaperCatalog> ReadPapersAsync(
        EvaluationOptions options, PaperFeedClient client, TextWriter log, CancellationToken cancellationToken)
    {
        IReadOnlyList<CorpusPaper> papers;
        string origin;
        if (options.Offline)
        {
            origin = "source files (" + string.Join(", ", options.PapersFrom) + ")";
            log.WriteLine($"Reading the papers of {string.Join(", ", options.PapersFrom)} with PaperFeed's parsers...");
            papers = await SourceFilePapers.ReadAsync(
                options.PapersFrom, (file, total) => log.WriteLine($"  {file}: {Count(total)} papers so far"), cancellationToken);
        }
        else
        {
            origin = new Uri(client.BaseAddress, "api/v1/papers").ToString();
            log.WriteLine($"Reading the papers of {origin}...");
            papers = await client.ReadAllPapersAsync(progress: null, cancellationToken);
            if (papers.Count == 0)
            {
                throw new InstanceException($"{origin} lists no papers: ingest some first (./paperfeed ingest FILE...).");
            }
        }

        log.WriteLine($"{Count(papers.Count)} papers.");
        return new PaperCatalog(papers, origin);
    }

    private static void WriteReport(EvaluationReport report, EvaluationOptions options, TextWriter output)
    {
        ReportWriter.WriteText(report, output);
        if (options.MarkdownFile is { } markdown)
        {
            using var writer = new StreamWriter(markdown);
            ReportWriter.WriteMarkdown(report, writer);
        }

        if (options.PerQueryFile is { } perQuery)
        {
            using var writer = new StreamWriter(perQuery);
            ReportWriter.WritePerQuery(report, writer);
        }
    }

    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
