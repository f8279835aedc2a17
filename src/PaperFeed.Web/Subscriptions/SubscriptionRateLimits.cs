using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PaperFeed.Web.Hosting;

namespace PaperFeed.Web.Subscriptions;

/// <summary>
/// Limits on subscription requests, so that the form cannot be used to flood an inbox or to probe addresses:
/// per client by IP address (<c>RateLimiting:Subscriptions</c>, 20 an hour; a client key or cookie would be free to
/// change), and per address (<c>RateLimiting:SubscriptionAddress</c>, 3 an hour), both with the built-in limiter.
/// The address limit holds whether or not the address is subscribed, so a 429 says nothing about it.
/// </summary>
public static class SubscriptionRateLimits
{
    public const string ClientPolicy = "Subscriptions";
    public const string AddressPolicy = "SubscriptionAddress";

    public static IServiceCollection AddSubscriptionRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        Bind(services, configuration, ClientPolicy, new FixedWindowPolicyOptions { PermitLimit = 20, Window = TimeSpan.FromHours(1) });
        Bind(services, configuration, AddressPolicy, new FixedWindowPolicyOptions { PermitLimit = 3, Window = TimeSpan.FromHours(1) });
        services.AddRateLimiter(limiter => limiter.AddPolicy(ClientPolicy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<FixedWindowPolicyOptions>>().Get(ClientPolicy);
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 });
        }));
        services.AddSingleton<SubscriptionAddressLimiter>();
        return services;
    }

    private static void Bind(IServiceCollection services, IConfiguration configuration, string name, FixedWindowPolicyOptions defaults) =>
        services.AddOptions<FixedWindowPolicyOptions>(name)
            .Configure(o => (o.PermitLimit, o.Window) = (defaults.PermitLimit, defaults.Window))
            .Bind(configuration.GetSection($"RateLimiting:{name}"))
            .Validate(o => o.PermitLimit >= 1 && o.Window > TimeSpan.Zero, $"RateLimiting:{name} needs PermitLimit >= 1 and a positive Window.")
            .ValidateOnStart();
}

/// <summary>The per-address limit: a fixed window per address key (lower case), kept in memory.</summary>
public sealed class SubscriptionAddressLimiter(IOptionsMonitor<FixedWindowPolicyOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
    {
        var limit = options.Get(SubscriptionRateLimits.AddressPolicy);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    });

    /// <summary>True when a request for this address may go ahead; otherwise false, with how long to wait.</summary>
    public bool TryAcquire(string addressKey, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(addressKey);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
