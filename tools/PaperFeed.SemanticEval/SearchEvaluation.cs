using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PaperFeed.Data;
using PaperFeed.Data.Embeddings;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Semantic;

namespace PaperFeed.SemanticEval;

/// <summary>
/// The real <see cref="SemanticSearch"/> over the active model: MRR@10 and Recall@10 of the queries, recall@10 of the
/// HNSW index against exact search (no filter, a date range, a category), and latency including the query's embedding.
/// </summary>
internal static class SearchEvaluation
{
    public static async Task<int> RunAsync(string connectionString, string queriesPath, Dictionary<string, string> options)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:PaperFeed"] = connectionString };
        if (options.TryGetValue("ef-search", out var ef))
        {
            settings["Embeddings:Hnsw:EfSearch"] = ef;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddPaperFeedData(configuration).BuildServiceProvider();
        await using var _ = services;
        var search = services.GetRequiredService<SemanticSearch>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var active = await services.GetRequiredService<ActiveEmbeddingModel>().GetAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("No active embedding model: run the worker's reembed first.");
        var papers = await FitEvaluation.LoadPapersAsync(dataSource);
        var queries = QuerySet.Load(queriesPath, papers);

        var metrics = new RankingMetrics();
        var latencies = new List<double>();
        var repeat = (int)options.Get("repeat", 3);
        foreach (var query in queries)
        {
            IReadOnlyList<SearchHit> hits = [];
            for (var i = 0; i < repeat; i++)
            {
                var clock = Stopwatch.StartNew();
                hits = await search.SearchAsync(query.Text, SearchFilter.None, 10, CancellationToken.None);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            metrics.Add(query.PaperId, hits.Select(h => h.PaperId).ToList());
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {active.Model.Name} | ef_search {options.GetValueOrDefault("ef-search", "default")} | MRR@10 {metrics.Mrr:F3} | R@10 {metrics.Recall:F3} | " +
            $"p50 {Percentile(latencies, 0.5):F1} ms | p95 {Percentile(latencies, 0.95):F1} ms |"));

        // HNSW against exact: the same query vectors, ranked by a scan that cannot use the index.
        var (from, to) = MiddleMonth(papers);
        var categories = papers.SelectMany(p => p.Categories).GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var common = categories[3];
        var rare = categories[(int)options.Get("rare-category-rank", 30)];
        foreach (var (name, filter) in new[]
        {
            ("none", SearchFilter.None),
            (string.Create(CultureInfo.InvariantCulture, $"date {from:yyyy-MM-dd}..{to:yyyy-MM-dd}"), new SearchFilter(from, to)),
            ($"category {common}", new SearchFilter(Category: common)),
            ($"category {rare}", new SearchFilter(Category: rare)),
        })
        {
            var share = (double)papers.Count(p => Matches(p, filter)) / papers.Count;
            double overlap = 0;
            var count = 0;
            var filterLatencies = new List<double>();
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                var approximate = await search.SearchAsync(query.Text, filter, 10, CancellationToken.None);
                filterLatencies.Add(clock.Elapsed.TotalMilliseconds);
                var vector = (await active.Generator.GenerateAsync([query.Text]))[0].Vector.ToArray();
                var exact = await ExactAsync(dataSource, active.Model, vector, filter);
                if (exact.Count == 0)
                {
                    continue;
                }

                overlap += (double)approximate.Select(h => h.PaperId).Intersect(exact).Count() / exact.Count;
                count++;
            }

            filterLatencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| filter {name} ({share:P1} of papers) | HNSW recall@10 vs exact {overlap / Math.Max(count, 1):F3} | p50 {Percentile(filterLatencies, 0.5):F1} ms | p95 {Percentile(filterLatencies, 0.95):F1} ms |"));
        }

        return 0;
    }

    private static bool Matches(CorpusPaper paper, SearchFilter filter) =>
        (filter.From is not { } from || (paper.PublishedAt is { } at && DateOnly.FromDateTime(at.UtcDateTime) >= from))
        && (filter.To is not { } to || (paper.PublishedAt is { } at2 && DateOnly.FromDateTime(at2.UtcDateTime) <= to))
        && (filter.Category is not { } category || paper.Categories.Contains(category));

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

    /// <summary>A month in the middle of the corpus's dates: a filter that keeps a few percent of the papers.</summary>
    private static (DateOnly From, DateOnly To) MiddleMonth(List<CorpusPaper> papers)
    {
        var dates = papers.Where(p => p.PublishedAt is not null).Select(p => p.PublishedAt!.Value).Order().ToList();
        var middle = DateOnly.FromDateTime(dates[dates.Count / 2].UtcDateTime);
        var from = new DateOnly(middle.Year, middle.Month, 1);
        return (from, from.AddMonths(1).AddDays(-1));
    }

    private static async Task<List<string>> ExactAsync(NpgsqlDataSource dataSource, EmbeddingModel model, float[] vector, SearchFilter filter)
    {
        var query = SemanticSearch.NearestQuery(model, vector, filter, [], 10);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(query.CommandText, connection, transaction);
        foreach (NpgsqlParameter parameter in query.Parameters)
        {
            var copy = new NpgsqlParameter { Value = parameter.Value };
            if (parameter.NpgsqlDbType != NpgsqlTypes.NpgsqlDbType.Unknown)
            {
                copy.NpgsqlDbType = parameter.NpgsqlDbType;
            }

            command.Parameters.Add(copy);
        }

        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
