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
        var stream = new RepeatingFeedStream(header, entry, "</feed>\n", Size);
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

        Assert.True(stream.BytesServed >= Size);
        Assert.True(entries > 30_000);
        TestContext.Current.TestOutputHelper?.WriteLine($"baseline {baseline:N0} bytes, peak {peakLiveBytes:N0} bytes");
        Assert.InRange(peakLiveBytes - baseline, long.MinValue, Size / 8);
    }

    [Fact]
    public async Task Summary_of_64_MB_is_rejected_without_being_held()
    {
        var feed = Feed();
        var header = feed[..feed.LastIndexOf("</feed>", StringComparison.Ordinal)] + "<entry><id>http://arxiv.org/abs/2501.01234v1</id><title>T</title><summary>";
        var stream = new RepeatingFeedStream(header, "Another sentence of a summary that never ends. ", "</summary></entry>\n</feed>\n", Size);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakLiveBytes = 0;
        var entries = new List<SourceEntry>();

        await foreach (SourceEntry read in Reader.ReadAsync(stream, SourceReading.Context(), cancellationToken: TestContext.Current.CancellationToken))
        {
            peakLiveBytes = Math.Max(peakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
            entries.Add(read);
        }

        Assert.StartsWith("2501.01234v1: <summary> is longer than", Assert.Single(entries).Rejection, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"baseline {baseline:N0} bytes, peak {peakLiveBytes:N0} bytes");
        Assert.InRange(peakLiveBytes - baseline, long.MinValue, Size / 8);
    }
}
