using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PaperFeed.Web.Visitors;

namespace PaperFeed.Web.Hosting;

/// <summary>The names of the rate-limit policies endpoints opt into with <c>RequireRateLimiting(name)</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Casting and withdrawing upvotes: 30 a minute per visitor by default (<c>RateLimiting:Votes</c>).</summary>
    public const string Votes = "Votes";

    /// <summary>
    /// Search, similar papers and recommendations, which cost the database the most: 3,000 a minute per visitor by
    /// default (<c>RateLimiting:Search</c>). That never slows a person or a client asking one query at a time (about
    /// 20 ms each), yet stops one client flooding the service from many connections. Load tests raise it.
    /// </summary>
    public const string Search = "Search";

    /// <summary>Every policy, with its defaults; each reads the configuration section <c>RateLimiting:{name}</c>.</summary>
    internal static readonly IReadOnlyDictionary<string, FixedWindowPolicyOptions> Defaults = new Dictionary<string, FixedWindowPolicyOptions>
    {
        [Votes] = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) },
        [Search] = new() { PermitLimit = 3000, Window = TimeSpan.FromMinutes(1) },
    };
}

/// <summary>A fixed-window policy: at most <see cref="PermitLimit"/> requests per <see cref="Window"/> and partition.</summary>
public sealed class FixedWindowPolicyOptions
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// ASP.NET Core's rate limiter with named fixed-window policies, each partitioned by visitor (their client key or
/// cookie), else by IP address. A rejected request gets 429, <c>Retry-After</c> in seconds and a problem body.
/// Behind a reverse proxy, configure forwarded headers so that the IP address is the client's.
/// </summary>
public static class RateLimitingExtensions
{
    public static IServiceCollection AddPaperFeedRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var (name, defaults) in RateLimitPolicies.Defaults)
        {
            services.AddOptions<FixedWindowPolicyOptions>(name)
                .Configure(o => (o.PermitLimit, o.Window) = (defaults.PermitLimit, defaults.Window))
                .Bind(configuration.GetSection($"RateLimiting:{name}"))
                .Validate(o => o.PermitLimit >= 1, $"RateLimiting:{name}:PermitLimit must be at least 1.")
                .Validate(o => o.Window > TimeSpan.Zero, $"RateLimiting:{name}:Window must be a positive time span such as 00:01:00.")
                .ValidateOnStart();
        }

        services.AddRateLimiter(limiter =>
        {
            foreach (var name in RateLimitPolicies.Defaults.Keys)
            {
                limiter.AddPolicy(name, context =>
                {
                    var options = context.RequestServices.GetRequiredService<IOptionsMonitor<FixedWindowPolicyOptions>>().Get(name);
                    return RateLimitPartition.GetFixedWindowLimiter(Visitor.PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = options.Window,
                        QueueLimit = 0,
                    });
                });
            }

            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteTooManyRequestsAsync;
        });
        return services;
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests from this visitor; try again in {seconds} s.",
            },
        });
    }
}
