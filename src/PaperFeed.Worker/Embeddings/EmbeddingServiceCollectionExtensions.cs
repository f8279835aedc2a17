using Microsoft.Extensions.DependencyInjection;

namespace PaperFeed.Worker.Embeddings;

internal static class WorkerEmbeddingServiceCollectionExtensions
{
    /// <summary>The background embedding of new papers and model (re)builds (<c>run</c>).</summary>
    public static IServiceCollection AddBackgroundEmbedding(this IServiceCollection services)
    {
        services.AddSingleton<PaperEmbeddingService>();
        services.AddHostedService(sp => sp.GetRequiredService<PaperEmbeddingService>());
        return services;
    }
}
