using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using NpgsqlTypes;
using PaperFeed.Data;
using PaperFeed.Data.Digests;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Digests;

/// <summary>
/// Composing and queueing the digests of 10,000 subscribers, all due at once, takes at most 60 s (docs/benchmarks.md).
/// The corpus is the bundled samples, or the snapshot file named by PAPERFEED_DIGEST_BENCH_CORPUS (the figures in
/// docs/benchmarks.md use the shared 22,009-paper arXiv snapshot).
/// </summary>
public sealed class DigestQueueBenchmarkTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Subscribers = 10_000;
    private readonly TestDatabase _database = new();

    // Topics as readers type them; each subscriber takes one to three, a fifth also keep to a category.
    private static readonly string[] Topics =
    [
        "graph neural networks", "diffusion models", "reinforcement learning", "large language models", "speech synthesis",
        "text to speech", "image segmentation", "object detection", "machine translation", "question answering",
        "contrastive learning", "self-supervised learning", "vision transformers", "knowledge distillation", "federated learning",
        "neural radiance fields", "3d reconstruction", "code generation", "retrieval augmented generation", "instruction tuning",
        "mixture of experts", "model compression", "quantization", "sparse attention", "long context",
        "multimodal models", "video generation", "image generation", "protein structure", "molecule generation",
        "time series forecasting", "anomaly detection", "recommender systems", "causal inference", "bayesian optimization",
        "adversarial robustness", "differential privacy", "explainability", "graph transformers", "point clouds",
        "semantic parsing", "named entity recognition", "summarization", "dialogue systems", "speech recognition",
        "robot learning", "imitation learning", "offline reinforcement learning", "world models", "chain of thought",
    ];

    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "America/Los_Angeles"];

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    [Fact]
    public async Task Composing_and_queueing_10000_digests_takes_at_most_60_seconds()
    {
        var corpus = System.Environment.GetEnvironmentVariable("PAPERFEED_DIGEST_BENCH_CORPUS");
        var ingester = Ingestion.CreateIngester(_database);
        foreach (var file in corpus is { Length: > 0 } ? [corpus] : RepoPaths.SampleFiles)
        {
            Assert.Null((await ingester.IngestFileAsync(file, null, TestContext.Current.CancellationToken)).Error);
        }

        // Late on the newest papers' day: every send hour of the last 24 h has them in its window.
        var now = await _database.ScalarAsync<DateTime>("SELECT max(published_at) FROM papers") + TimeSpan.FromHours(23);
        var clock = new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero));
        await AddSubscribersAsync(clock.GetUtcNow());
        await using var services = CreateServices(clock);
        await using var scope = services.CreateAsyncScope();
        var due = scope.ServiceProvider.GetRequiredService<DueDigests>();
        var links = scope.ServiceProvider.GetRequiredService<SubscriptionLinks>();

        var watch = Stopwatch.StartNew();
        var counts = await due.QueueAsync(clock.GetUtcNow(), links.PaperUrl, TestContext.Current.CancellationToken);
        watch.Stop();

        var papers = await _database.ScalarAsync<long>("SELECT count(*) FROM papers");
        var picked = await _database.ScalarAsync<long>("SELECT count(*) FROM digest_papers");
        output.WriteLine($"{papers} papers, {Subscribers} subscribers: {counts} in {watch.Elapsed.TotalSeconds:F1} s; {picked} papers picked");
        Assert.Equal(Subscribers, counts.Composed + counts.Empty);
        Assert.True(counts.Composed > Subscribers / 2, counts.ToString());
        Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    private async Task AddSubscribersAsync(DateTimeOffset now)
    {
        var random = new Random(8);
        var papers = new List<string>();
        await using (var command = _database.DataSource.CreateCommand("SELECT id FROM papers ORDER BY upvotes DESC, id LIMIT 100"))
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                papers.Add(reader.GetString(0));
            }
        }

        var rows = Enumerable.Range(0, Subscribers).Select(i => (
            Email: $"reader{i}@example.org",
            Frequency: i % 4 == 0 ? "Weekly" : "Daily",
            Hour: random.Next(24),
            Zone: Zones[random.Next(Zones.Length)],
            Interests: Topics.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray(),
            Papers: i % 10 == 0 ? [papers[random.Next(papers.Count)]] : Array.Empty<string>(),
            Categories: i % 5 == 0 ? "cs.LG" : null)).ToList();
        await using var insert = _database.DataSource.CreateCommand("""
            INSERT INTO subscribers (email, email_key, status, frequency, send_hour, time_zone, interests, papers, categories,
                                     stamp, created_at, confirmed_at, next_digest_at, consecutive_failures)
            SELECT e, e, 'Active', f, h, z, string_to_array(i, '|'), string_to_array(p, '|'), string_to_array(c, '|'), 0, @now, @now, @now, 0
            FROM unnest(@emails, @frequencies, @hours, @zones, @interests, @papers, @categories) AS s(e, f, h, z, i, p, c)
            """);
        insert.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        insert.Parameters.AddWithValue("emails", rows.Select(r => r.Email).ToArray());
        insert.Parameters.AddWithValue("frequencies", rows.Select(r => r.Frequency).ToArray());
        insert.Parameters.AddWithValue("hours", rows.Select(r => r.Hour).ToArray());
        insert.Parameters.AddWithValue("zones", rows.Select(r => r.Zone).ToArray());
        insert.Parameters.AddWithValue("interests", rows.Select(r => string.Join('|', r.Interests)).ToArray());
        insert.Parameters.AddWithValue("papers", rows.Select(r => string.Join('|', r.Papers)).ToArray());
        insert.Parameters.AddWithValue("categories", rows.Select(r => r.Categories ?? "").ToArray());
        await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private ServiceProvider CreateServices(TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = _database.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddPaperFeedData(configuration);
        return services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
