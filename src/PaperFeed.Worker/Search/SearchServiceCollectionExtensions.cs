using Microsoft.Extensions.DependencyInjection;

namespace PaperFeed.Worker.Search;

internal static class WorkerSearchServiceCollectionExtensions
{
    /// <summary>The background computing of stored similar-paper lists (<c>run</c>).</summary>
    public static IServiceCollection AddSimilarPaperRefresh(this IServiceCollection services)
    {
        services.AddSingleton<SimilarPaperListService>();
        services.AddHostedService(sp => sp.GetRequiredService<SimilarPaperListService>());
        return services;
    }
}
