namespace PaperFeed.Core.Tests.Ingest.ArxivSnapshot;

[Collection(nameof(MemoryMeasurement))]
public class ArxivSnapshotMemoryTests
{
    [Fact]
    public async Task Large_snapshot_streams_in_flat_memory()
    {
        const long size = 64L * 1024 * 1024;
        var stream = SnapshotReading.Generated(size);

        (long entries, long peakGrowth) = await MemoryMeasurement.StreamAsync(SnapshotReading.Reader, stream, entry => Assert.NotNull(entry.Paper));

        Assert.Equal(stream.Records * 49, entries);
        Assert.True(entries > 30_000);
        Assert.InRange(peakGrowth, long.MinValue, size / 16);
    }
}
