using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PaperFeed.Worker.Digests;

internal static class DigestSendingServiceCollectionExtensions
{
    /// <summary>Sending: SMTP settings (<c>Smtp</c>), delivery, the sender and the run (<c>digest run</c>, <c>run</c>).</summary>
    public static IServiceCollection AddDigestSending(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(o => o.IsValid, SmtpOptions.ValidationMessage)
            .ValidateOnStart();
        services.AddSingleton<Func<IMailDelivery>>(sp =>
        {
            var smtp = sp.GetRequiredService<IOptions<SmtpOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            return smtp.UsesPickupDirectory
                ? () => new PickupFolderDelivery(smtp.PickupDirectory, clock)
                : () => new SmtpMailDelivery(smtp);
        });
        services.AddMetrics();
        services.AddSingleton<DigestMetrics>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<DigestRun>();
        return services;
    }

    /// <summary>The background digest job of <c>run</c> (<c>Digests:Schedule</c>).</summary>
    public static IServiceCollection AddDigestScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestSchedulerOptions>()
            .Bind(configuration.GetSection(DigestSchedulerOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Digests:Schedule:PollInterval must be positive.")
            .ValidateOnStart();
        services.AddHostedService<DigestScheduler>();
        return services;
    }
}
