using Testcontainers.PostgreSql;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server (with pgvector) the integration tests run against, found once per test run:
/// <c>PAPERFEED_TEST_DB</c> when set (./paperfeed test sets it to the project's own server; CI to its service
/// container), otherwise a Testcontainers <c>pgvector/pgvector</c> container when a Docker engine is available.
/// Without either the tests fail with a message that says what to do: they are never skipped silently.
/// </summary>
public static class PostgresServer
{
    public const string Image = "pgvector/pgvector:pg17";

    private static readonly Lazy<Task<string>> AdminConnectionString = new(FindAsync);

    /// <summary>A connection string for a user that may create databases.</summary>
    public static Task<string> GetAdminConnectionStringAsync() => AdminConnectionString.Value;

    private static async Task<string> FindAsync()
    {
        if (Environment.GetEnvironmentVariable("PAPERFEED_TEST_DB") is { Length: > 0 } configured)
        {
            return configured;
        }

        try
        {
            var container = new PostgreSqlBuilder(Image).Build();
            await container.StartAsync();
            // Stopped by Testcontainers' resource reaper when the test process ends.
            return container.GetConnectionString();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                "The integration tests need PostgreSQL with pgvector: run them with ./paperfeed test (which starts " +
                "the project's own server), set PAPERFEED_TEST_DB to a connection string of a user that may create " +
                $"databases, or start a Docker engine for Testcontainers. Testcontainers said: {e.Message}", e);
        }
    }
}
