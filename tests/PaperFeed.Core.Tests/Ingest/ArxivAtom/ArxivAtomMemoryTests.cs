using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.ArxivAtom.ArxivAtomReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivAtom;

[Collection(nameof(MemoryMeasurement))]
public class ArxivAtomMemoryTests
{
    private const long Size = 64L * 1024 * 1024;

    [Fact]
    public async Task Large_response_streams_in_flat_memory()
    {
        var feed = Feed();
        var header = feed[..feed.LastIndexOf("</feed>", StringComparison.Ordinal)];
        var entry = Entry(summary: string.Concat(Enumerable.Repeat("This sentence pads the abstract to a realistic length. ", 25)));
        var stream = new GeneratedStream(header, entry, "", "</feed>\n", Size);

        (long entries, long peakGrowth) = await MemoryMeasurement.StreamAsync(Reader, stream, read => Assert.NotNull(read.Paper));

        Assert.True(stream.BytesServed >= Size);
        Assert.True(entries > 30_000);
        Assert.InRange(peakGrowth, long.MinValue, Size / 8);
    }

    [Fact]
    public async Task Summary_of_64_MB_is_rejected_without_being_held()
    {
        var feed = Feed();
        var header = feed[..feed.LastIndexOf("</feed>", StringComparison.Ordinal)] + "<entry><id>http://arxiv.org/abs/2501.01234v1</id><title>T</title><summary>";
        var stream = new GeneratedStream(header, "Another sentence of a summary that never ends. ", "", "</summary></entry>\n</feed>\n", Size);
        var entries = new List<SourceEntry>();

        (_, long peakGrowth) = await MemoryMeasurement.StreamAsync(Reader, stream, entries.Add, every: 1);

        Assert.StartsWith("2501.01234v1: <summary> is longer than", Assert.Single(entries).Rejection, StringComparison.Ordinal);
        Assert.InRange(peakGrowth, long.MinValue, Size / 8);
    }
}
