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
        var stream = GeneratedPage(size);

        (long entries, long peakGrowth) = await MemoryMeasurement.StreamAsync(PaperSourceReader.Default, stream, entry => Assert.NotNull(entry.Paper));

        Assert.True(stream.BytesServed >= size);
        Assert.True(entries > 30_000);
        Assert.InRange(peakGrowth, long.MinValue, size / 8);
    }
}
