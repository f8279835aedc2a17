using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PaperFeed.Data;
using Serilog;

namespace PaperFeed.Worker.Cli;

/// <summary>The host every verb shares: configuration (appsettings, environment), Serilog, the data services.</summary>
internal static class WorkerHost
{
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        builder.Services.AddPaperFeedData(builder.Configuration);
        return builder;
    }
}
