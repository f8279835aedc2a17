using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Search;
using PaperFeed.Data.Digests;
using PaperFeed.Data.Embeddings;
using PaperFeed.Data.Ingest;
using PaperFeed.Data.Recommendations;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Lexical;
using PaperFeed.Data.Search.Similar;
using PaperFeed.Data.Trending;
using PaperFeed.Data.Votes;

namespace PaperFeed.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The name of the connection string: <c>ConnectionStrings:PaperFeed</c> (env <c>ConnectionStrings__PaperFeed</c>).</summary>
    public const string ConnectionStringName = "PaperFeed";

    /// <summary>Registers one pooled <see cref="NpgsqlDataSource"/> (with pgvector) and the DbContext over it.</summary>
    public static IServiceCollection AddPaperFeedData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings__{ConnectionStringName} (./paperfeed sets it for you).");

        services.AddSingleton(_ => CreateDataSource(connectionString));
        services.AddPooledDbContextFactory<PaperFeedDbContext>((sp, options) => Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PaperFeedDbContext>>().CreateDbContext());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(PaperSourceReader.Default);
        services.AddSingleton<PaperBatchWriter>();
        services.AddSingleton<BulkLoadIndexes>();
        services.AddOptions<Bm25Options>()
            .Bind(configuration.GetSection(Bm25Options.Section))
            .Validate(o => o.IsValid, Bm25Options.ValidationMessage)
            .ValidateOnStart();
        services.AddSingleton(sp => new SearchIndexRefresher(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptions<Bm25Options>>().Value));
        services.AddSingleton<LexicalSearch>();
        services.AddOptions<HybridSearchOptions>()
            .Bind(configuration.GetSection(HybridSearchOptions.Section))
            .Validate(o => o.LexicalWeight >= 0 && o.SemanticWeight >= 0 && o.CandidateDepth is >= 10 and <= 1000, "Search:Hybrid weights must be >= 0 and CandidateDepth 10..1000.")
            .ValidateOnStart();
        services.AddOptions<SimilarPaperListOptions>()
            .Bind(configuration.GetSection(SimilarPaperListOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new SimilarPaperLists(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ActiveEmbeddingModel>(),
            sp.GetRequiredService<IOptions<SimilarPaperListOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PaperSearch>();
        services.AddOptions<IngestOptions>()
            .Bind(configuration.GetSection(IngestOptions.Section))
            .Validate(o => o.BatchSize is >= 1 and <= IngestOptions.MaxBatchSize, $"Ingest:BatchSize must be between 1 and {IngestOptions.MaxBatchSize}.")
            .ValidateOnStart();
        services.AddSingleton(sp => new PaperIngester(
            sp.GetRequiredService<IDbContextFactory<PaperFeedDbContext>>(),
            sp.GetRequiredService<PaperBatchWriter>(),
            sp.GetRequiredService<SearchIndexRefresher>(),
            sp.GetRequiredService<BulkLoadIndexes>(),
            sp.GetRequiredService<PaperSourceReader>(),
            sp.GetRequiredService<TimeProvider>())
        {
            BatchSize = sp.GetRequiredService<IOptions<IngestOptions>>().Value.BatchSize,
        });
        services.AddPaperFeedEmbeddings(configuration);
        services.AddOptions<TrendingOptions>()
            .Bind(configuration.GetSection(TrendingOptions.Section))
            .Validate(o => o.Gravity is > 0 and <= TrendingOptions.MaxGravity, $"Trending:Gravity must be greater than 0 and at most {TrendingOptions.MaxGravity}.")
            .ValidateOnStart();
        services.AddScoped<TrendingQuery>();
        services.AddSingleton<PaperUpvotes>();
        services.AddScoped<VisitorHistory>();
        services.AddPaperFeedDigests(configuration);
        return services;
    }

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        builder.EnableDynamicJson();
        return builder.Build();
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.UseVector())
            .UseSnakeCaseNamingConvention();
}
