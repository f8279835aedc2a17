using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.SourceReading;

namespace PaperFeed.Core.Tests.Ingest;

[Collection(nameof(MemoryMeasurement))]
public class PaperSourceReaderMemoryTests
{
    [Fact]
    public async Task Large_source_streams_in_flat_memory()
    {
        const long size = 64L * 1024 * 1024;
        var stream = new GeneratedPageStream(size);
        long entries = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakLiveBytes = 0;

        await foreach (SourceEntry entry in PaperSourceReader.Default.ReadAsync(stream, Context(), cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.NotNull(entry.Paper);
            if (++entries % 10_000 == 0)
            {
                peakLiveBytes = Math.Max(peakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.True(stream.BytesServed >= size);
        Assert.True(entries > 30_000);
        TestContext.Current.TestOutputHelper?.WriteLine($"baseline {baseline:N0} bytes, peak {peakLiveBytes:N0} bytes");
        Assert.InRange(peakLiveBytes - baseline, long.MinValue, size / 8);
    }
}
