using Microsoft.EntityFrameworkCore;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>A file that cannot be read fails alone, with a message naming it and the reason, and changes no paper.</summary>
public sealed class MalformedFileTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("paperfeed-malformed-").FullName;

    public async ValueTask InitializeAsync()
    {
        var ingester = Ingestion.CreateIngester(database);
        await ingester.IngestFileAsync(RepoPaths.SampleFiles[0], null, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string> Kinds => ["truncated", "binary", "empty", "latin1"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Malformed_file_fails_with_its_name_and_reason_and_changes_no_paper(string kind)
    {
        var path = Path.Combine(_dir, $"{kind}.txt");
        await File.WriteAllBytesAsync(path, MalformedContent(kind), TestContext.Current.CancellationToken);
        var before = await SnapshotAsync();

        var outcome = await Ingestion.CreateIngester(database).IngestFileAsync(path, null, TestContext.Current.CancellationToken);

        Assert.NotNull(outcome.Error);
        Assert.Contains(path, outcome.Error, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    internal static byte[] MalformedContent(string kind)
    {
        var sample = File.ReadAllBytes(RepoPaths.SampleFiles[1]);
        return kind switch
        {
            // Cut in the middle of an abstract, as an interrupted copy or download would leave it.
            "truncated" => sample[..(sample.Length * 2 / 3)],
            "binary" => Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray(),
            "empty" => [],
            "latin1" => System.Text.Encoding.Latin1.GetBytes("Caf\u00e9 paper\n\nAbstract with an \u00e9 in Latin-1, not UTF-8.\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = database.CreateDbContext();
        var rows = await db.Papers.OrderBy(p => p.Id)
            .Select(p => p.Id + "|" + p.Title + "|" + p.Abstract + "|" + p.Upvotes + "|" + p.UpdatedAt)
            .ToListAsync(TestContext.Current.CancellationToken);
        return string.Join("\n", rows);
    }
}
