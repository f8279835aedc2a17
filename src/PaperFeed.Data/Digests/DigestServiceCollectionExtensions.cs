using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PaperFeed.Data.Digests;

public static class DigestServiceCollectionExtensions
{
    /// <summary>Subscriptions, digest composition and the outbox, shared by the web app and the worker.</summary>
    public static IServiceCollection AddPaperFeedDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>()
            .Bind(configuration.GetSection(DigestOptions.Section))
            .Validate(o => o.IsValid, DigestOptions.ValidationMessage)
            .ValidateOnStart();
        services.AddOptions<PublicSiteOptions>()
            .Bind(configuration.GetSection(PublicSiteOptions.Section))
            .Validate(o => o.IsValid, PublicSiteOptions.ValidationMessage)
            .ValidateOnStart();
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<MailOutbox>();
        services.AddScoped<DigestSubscriptions>();
        services.AddScoped<DigestComposer>();
        services.AddScoped<DueDigests>();
        services.AddScoped<DigestPreview>();
        return services;
    }
}
