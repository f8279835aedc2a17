using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace PaperFeed.Web.Health;

/// <summary>Ready means the database answers and the schema is there (the papers table can be read).</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM (SELECT 1 FROM papers LIMIT 1) AS any_paper");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unavailable", e);
        }
    }
}
