using Microsoft.EntityFrameworkCore;
using Npgsql;
using PaperFeed.Data;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test class (xunit class fixture), dropped afterwards: test classes never
/// see each other's rows and may run in parallel.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private string _adminConnectionString = "";

    public string Name { get; } = $"paperfeed_test_{Guid.NewGuid():N}"[..32];

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _adminConnectionString = await PostgresServer.GetAdminConnectionStringAsync();
        await ExecuteAdminAsync($"CREATE DATABASE \"{Name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = Name, Pooling = true }.ConnectionString;
        DataSource = DataServiceCollectionExtensions.CreateDataSource(ConnectionString);
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public PaperFeedDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<PaperFeedDbContext>();
        DataServiceCollectionExtensions.Configure(options, DataSource);
        return new PaperFeedDbContext(options.Options);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Rows of two text columns, e.g. <c>SELECT id, title FROM papers</c>.</summary>
    public async Task<List<(string First, string Second)>> QueryAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
