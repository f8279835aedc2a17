using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace PaperFeed.Web.Health;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>/health/live</c>: the process serves requests (no dependency checked, so a database outage does not
    /// restart every web instance). <c>/health/ready</c>: the database answers, so the instance can take traffic.
    /// </summary>
    public static void MapPaperFeedHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
    }
}
