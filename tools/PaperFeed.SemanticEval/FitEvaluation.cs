using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using Npgsql;
using PaperFeed.Data;
using PaperFeed.Embeddings;
using PaperFeed.Embeddings.Corpus;

namespace PaperFeed.SemanticEval;

/// <summary>Fits one corpus model variant and ranks all papers for each query by exact cosine.</summary>
internal static class FitEvaluation
{
    public static async Task<int> RunAsync(string connectionString, string queriesPath, Dictionary<string, string> options)
    {
        await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(connectionString);
        var papers = await LoadPapersAsync(dataSource);
        var queries = QuerySet.Load(queriesPath, papers);
        Console.Error.WriteLine($"{papers.Count} papers, {queries.Count} queries ({queries.Count(q => q.PaperId is null)} targets not found)");

        var fit = new CorpusFitOptions
        {
            Dimensions = (int)options.Get("dim", 200),
            Window = (int)options.Get("ws", 8),
            MinCount = (int)options.Get("min-count", 3),
            Epochs = (int)options.Get("epoch", 8),
            MinN = (int)options.Get("minn", 0),
            MaxN = (int)options.Get("maxn", 0),
            SifA = options.Get("a", 1e-3),
            Sample = options.Get("t", 1e-4),
            Threads = (int)options.Get("threads", 0),
        };
        var maxPapers = (int)options.Get("max-papers", int.MaxValue);
        var training = papers.Take(maxPapers).Select(p => PaperText.Of(p.Title, p.Abstract));
        var result = await new CorpusModelFitter(fit).FitAsync(ToAsync(training), CancellationToken.None);
        var model = result.Model;

        var clock = Stopwatch.StartNew();
        var matrix = new float[papers.Count * model.Dimensions];
        Parallel.For(0, papers.Count, i =>
            model.Embed(PaperText.Of(papers[i].Title, papers[i].Abstract), matrix.AsSpan(i * model.Dimensions, model.Dimensions)));
        var embedTime = clock.Elapsed;

        var metrics = new RankingMetrics();
        var query = new float[model.Dimensions];
        var scores = new float[papers.Count];
        foreach (var q in queries)
        {
            model.Embed(q.Text, query);
            for (var i = 0; i < papers.Count; i++)
            {
                scores[i] = TensorPrimitives.Dot(matrix.AsSpan(i * model.Dimensions, model.Dimensions), query);
            }

            var top = Enumerable.Range(0, papers.Count).OrderByDescending(i => scores[i]).Take(10).Select(i => papers[i].Id).ToList();
            metrics.Add(q.PaperId, top);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {fit.Describe()} ws{fit.Window} mc{fit.MinCount} ep{fit.Epochs} a{fit.SifA:G2} t{fit.Sample:G2} | {Math.Min(maxPapers, papers.Count)} | {model.Words.Count} | " +
            $"{metrics.Mrr:F3} | {metrics.Recall:F3} | {result.TotalTime.TotalSeconds:F0} s (write {result.WriteTime.TotalSeconds:F1}, train {result.TrainTime.TotalSeconds:F1}, PC {result.ComponentTime.TotalSeconds:F1}) | {papers.Count / embedTime.TotalSeconds:F0}/s |"));
        return 0;
    }

    internal static async Task<List<CorpusPaper>> LoadPapersAsync(NpgsqlDataSource dataSource)
    {
        var papers = new List<CorpusPaper>();
        await using var command = dataSource.CreateCommand("SELECT id, title, abstract, published_at, categories FROM papers ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            papers.Add(new CorpusPaper(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<string[]>(4)));
        }

        return papers;
    }

    private static async IAsyncEnumerable<string> ToAsync(IEnumerable<string> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask;
    }
}
