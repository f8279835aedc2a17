using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.SourceReading;

namespace PaperFeed.Core.Tests.Ingest.AclAnthology;

[Collection(nameof(MemoryMeasurement))]
public class AclAnthologyMemoryTests
{
    [Fact]
    public async Task Large_collection_streams_in_flat_memory()
    {
        const long size = 64L * 1024 * 1024;
        var paper = AclXml.Paper("1", abstractText: string.Concat(Enumerable.Repeat("This sentence pads the abstract to a realistic length. ", 20)), url: null);
        var prefix = AclXml.Collection("").Split("  </volume>")[0];
        var stream = new RepeatedRecordsStream(prefix, paper.Replace("id=\"1\"", "id=\"x\"", StringComparison.Ordinal), "\n", "  </volume>\n</collection>\n", size);
        long entries = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakLiveBytes = 0;

        await foreach (SourceEntry entry in AclXml.Reader.ReadAsync(stream, Context(), cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.True(entries == 0 ? entry.Paper is not null : entry.Rejection is not null); // the same id over and over
            if (++entries % 10_000 == 0)
            {
                peakLiveBytes = Math.Max(peakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.True(stream.BytesServed >= size);
        Assert.Equal(stream.Records, entries);
        TestContext.Current.TestOutputHelper?.WriteLine($"{entries:N0} papers, baseline {baseline:N0} bytes, peak {peakLiveBytes:N0} bytes");
        Assert.InRange(peakLiveBytes - baseline, long.MinValue, size / 16);
    }
}
