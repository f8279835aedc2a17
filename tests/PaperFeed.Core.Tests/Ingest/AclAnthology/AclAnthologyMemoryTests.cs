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
        var stream = new GeneratedStream(prefix, paper.Replace("id=\"1\"", "id=\"x\"", StringComparison.Ordinal), "\n", "  </volume>\n</collection>\n", size);

        var first = true;
        (long entries, long peakGrowth) = await MemoryMeasurement.StreamAsync(AclXml.Reader, stream, entry =>
        {
            Assert.True(first ? entry.Paper is not null : entry.Rejection is not null); // the same id over and over
            first = false;
        });

        Assert.True(stream.BytesServed >= size);
        Assert.Equal(stream.Records, entries);
        Assert.InRange(peakGrowth, long.MinValue, size / 16);
    }
}
