using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.ArxivListing.ArxivListingReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivListing;

[Collection(nameof(MemoryMeasurement))]
public class ArxivListingMemoryTests
{
    [Fact]
    public async Task Large_listing_streams_in_flat_memory()
    {
        const long size = 64L * 1024 * 1024;
        var channel = Channel();
        var header = channel[..channel.LastIndexOf("  </channel>", StringComparison.Ordinal)];
        var item = Item(description: "arXiv:2411.01234v1 Announce Type: new \nAbstract: " + string.Concat(Enumerable.Repeat("This sentence pads the abstract to a realistic length. ", 25)));
        var stream = new RepeatingFeedStream(header, item, "  </channel>\n</rss>\n", size);
        long entries = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakLiveBytes = 0;

        await foreach (SourceEntry read in Reader.ReadAsync(stream, SourceReading.Context(), cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.NotNull(read.Paper);
            if (++entries % 10_000 == 0)
            {
                peakLiveBytes = Math.Max(peakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.True(stream.BytesServed >= size);
        Assert.True(entries > 30_000);
        Assert.InRange(peakLiveBytes - baseline, long.MinValue, size / 8);
    }
}
