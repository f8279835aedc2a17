using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperFeed.Data;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.Worker.Ingest;

namespace PaperFeed.IntegrationTests.Ingest.Live;

/// <summary>
/// The worker's live-source and scheduler services as the worker wires them, against a test database and a
/// loopback server, with settings that keep tests fast: no pause between requests, retries after 10 ms.
/// </summary>
public static class LiveServices
{
    public static ServiceProvider Create(
        TestDatabase database, LoopbackServer server, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = database.ConnectionString,
                ["Arxiv:ApiBaseUrl"] = server.Url("api/query").ToString(),
                ["Arxiv:OaiBaseUrl"] = server.Url("oai").ToString(),
                ["Arxiv:RssBaseUrl"] = server.Url("rss/").ToString(),
                ["HuggingFace:ApiBaseUrl"] = server.Url("hf/api/").ToString(),
                ["Fetch:RequestInterval"] = "00:00:00",
                ["Fetch:RetryDelay"] = "00:00:00.010",
                ["Fetch:MaxRetries"] = "3",
                ["Fetch:AttemptTimeout"] = "00:00:10",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddPaperFeedData(configuration);
        services.AddLiveSources(configuration);
        services.AddScheduledIngest(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
