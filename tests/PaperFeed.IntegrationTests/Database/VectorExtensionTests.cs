using Npgsql;
using PaperFeed.IntegrationTests.Infrastructure;
using Pgvector;

namespace PaperFeed.IntegrationTests.Database;

/// <summary>Proves the pgvector extension is real: vectors stored, and nearest neighbours found through HNSW.</summary>
public sealed class VectorExtensionTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hnsw_index_returns_the_true_nearest_neighbours()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(Ct);
        await ExecuteAsync(connection, """
            CREATE EXTENSION IF NOT EXISTS vector;
            CREATE TABLE points (id int PRIMARY KEY, v vector(3));
            CREATE INDEX points_hnsw ON points USING hnsw (v vector_l2_ops);
            """);

        // A 10 x 10 x 10 grid: the neighbours of any point are known exactly.
        await using (var importer = await connection.BeginBinaryImportAsync("COPY points (id, v) FROM STDIN (FORMAT BINARY)", Ct))
        {
            var id = 0;
            for (var x = 0; x < 10; x++)
            for (var y = 0; y < 10; y++)
            for (var z = 0; z < 10; z++)
            {
                await importer.StartRowAsync(Ct);
                await importer.WriteAsync(id++, Ct);
                await importer.WriteAsync(new Vector(new float[] { x, y, z }), Ct);
            }

            await importer.CompleteAsync(Ct);
        }

        await ExecuteAsync(connection, "ANALYZE points; SET enable_seqscan = off;");
        const string nearest = "SELECT v::text FROM points ORDER BY v <-> '[4.9, 5.1, 5.2]' LIMIT 1";

        var plan = await ScalarListAsync(connection, $"EXPLAIN {nearest}");
        Assert.Contains(plan, line => line.Contains("points_hnsw", StringComparison.Ordinal));

        var neighbours = await ScalarListAsync(connection,
            "SELECT v::text FROM points ORDER BY v <-> '[0.1, 0.2, 0.1]' LIMIT 4");
        Assert.Equal("[0,0,0]", neighbours[0]);
        Assert.Equal(["[0,0,1]", "[0,1,0]", "[1,0,0]"], neighbours.Skip(1).Order(StringComparer.Ordinal));
        Assert.Equal("[5,5,5]", (await ScalarListAsync(connection, nearest))[0]);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ScalarListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
