using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperFeed.Data;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>
/// The production data and embedding services over a test database, with a corpus model small enough to fit on the
/// bundled sample (148 papers) in about a second.
/// </summary>
public static class EmbeddingServices
{
    /// <summary>Settings for a tiny corpus: every word seen twice counts, no subsampling of "frequent" words, more epochs.</summary>
    public static Dictionary<string, string?> SmallCorpusSettings(TestDatabase database) => new()
    {
        [$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = database.ConnectionString,
        ["Embeddings:Corpus:MinPapers"] = "20",
        ["Embeddings:Corpus:Fit:Dimensions"] = "32",
        ["Embeddings:Corpus:Fit:Window"] = "5",
        ["Embeddings:Corpus:Fit:MinCount"] = "2",
        ["Embeddings:Corpus:Fit:Sample"] = "0.001",
        ["Embeddings:Corpus:Fit:Epochs"] = "5",
        ["Embeddings:Corpus:Fit:Threads"] = "1",
        ["Embeddings:BatchSize"] = "50",
        ["Embeddings:ActiveModelCheckInterval"] = "00:00:00",
        ["Embeddings:RetiredGracePeriod"] = "00:00:01",
        ["Embeddings:PollInterval"] = "00:00:01",
    };

    /// <summary>The same settings as environment variables, for the worker's command line.</summary>
    public static Dictionary<string, string> AsEnvironment(Dictionary<string, string?> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");

    public static ServiceProvider Create(TestDatabase database, Action<Dictionary<string, string?>>? adjust = null)
    {
        var settings = SmallCorpusSettings(database);
        adjust?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPaperFeedData(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
