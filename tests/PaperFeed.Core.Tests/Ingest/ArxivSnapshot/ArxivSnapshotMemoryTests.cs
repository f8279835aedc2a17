using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.SourceReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivSnapshot;

[Collection(nameof(MemoryMeasurement))]
public class ArxivSnapshotMemoryTests
{
    [Fact]
    public async Task Large_snapshot_streams_in_flat_memory()
    {
        const long size = 64L * 1024 * 1024;
        var stream = new GeneratedSnapshotStream(size);
        long entries = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakLiveBytes = 0;

        await foreach (SourceEntry entry in SnapshotReading.Reader.ReadAsync(stream, Context(), cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.NotNull(entry.Paper);
            if (++entries % 10_000 == 0)
            {
                peakLiveBytes = Math.Max(peakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.Equal(stream.Repetitions * 49, entries);
        Assert.True(entries > 30_000);
        TestContext.Current.TestOutputHelper?.WriteLine($"{entries:N0} papers; baseline {baseline:N0} bytes, peak {peakLiveBytes:N0} bytes");
        Assert.InRange(peakLiveBytes - baseline, long.MinValue, size / 16);
    }
}
