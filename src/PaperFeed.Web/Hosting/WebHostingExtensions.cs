using Microsoft.OpenApi;
using PaperFeed.Data;
using PaperFeed.Web.Health;
using PaperFeed.Web.Pages;
using PaperFeed.Web.Subscriptions;
using Serilog;

namespace PaperFeed.Web.Hosting;

/// <summary>All of the web app's service registration and middleware, so that Program.cs reads as a table of contents.</summary>
public static class WebHostingExtensions
{
    public static void AddPaperFeedLogging(this WebApplicationBuilder builder)
    {
        // Configuration-driven (section "Serilog"); structured request logs come from UseSerilogRequestLogging.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
    }

    public static IServiceCollection AddPaperFeedWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPaperFeedData(configuration);
        services.AddProblemDetails();
        services.AddBindingProblemDetails();
        services.AddPaperFeedRateLimiting(configuration);
        services.AddPaperFeedPages();
        services.AddSubscriptionRateLimits(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "PaperFeed API",
                Version = "v1",
                Description = "Research papers: the feed, search, trending, similar papers, recommendations and digest subscriptions.",
            });
            options.SupportNonNullableReferenceTypes();
            var xml = Path.Combine(AppContext.BaseDirectory, "PaperFeed.Web.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
        return services;
    }

    public static void UsePaperFeedPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.UseSecurityHeaders();
        app.UseBindingProblemDetails();
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "PaperFeed API");
    }
}
