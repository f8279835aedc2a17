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
        var stream = new GeneratedStream(header, item, "", "  </channel>\n</rss>\n", size);

        (long entries, long peakGrowth) = await MemoryMeasurement.StreamAsync(Reader, stream, read => Assert.NotNull(read.Paper));

        Assert.True(stream.BytesServed >= size);
        Assert.True(entries > 30_000);
        Assert.InRange(peakGrowth, long.MinValue, size / 8);
    }
}
