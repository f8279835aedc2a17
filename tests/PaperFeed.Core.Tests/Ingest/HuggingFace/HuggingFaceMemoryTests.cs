using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.HuggingFace;
using static PaperFeed.Core.Tests.Ingest.HuggingFace.HuggingFaceReading;

namespace PaperFeed.Core.Tests.Ingest.HuggingFace;

[Collection(nameof(MemoryMeasurement))]
public class HuggingFaceMemoryTests
{
    [Fact]
    public async Task Large_array_streams_in_flat_memory()
    {
        const long size = 64L * 1024 * 1024;
        var stream = new GeneratedStream("[", Item(), ",", "]", size);

        (long entries, long peakGrowth) = await MemoryMeasurement.StreamAsync(Reader, stream, entry => Assert.NotNull(entry.Paper), every: 20_000);

        Assert.Equal(stream.Records, entries);
        Assert.True(entries > 100_000);
        Assert.InRange(peakGrowth, long.MinValue, size / 8);
    }

    [Fact]
    public async Task Entry_longer_than_the_limit_fails_without_being_held()
    {
        const long size = 3L * HuggingFacePapersParser.MaxEntryLength;
        var response = $"[{Item()},{Item("2401.00002", summary: "FIELD")}]";
        var fieldAt = response.IndexOf("FIELD", StringComparison.Ordinal);
        var stream = new GeneratedStream(response[..fieldAt], "A sentence of an endless abstract. ", "", response[(fieldAt + "FIELD".Length)..], size);
        var entries = new List<SourceEntry>();

        SourceFormatException e = await Assert.ThrowsAsync<SourceFormatException>(async () =>
        {
            await foreach (SourceEntry entry in Reader.ReadAsync(stream, SourceReading.Context(), cancellationToken: TestContext.Current.CancellationToken))
            {
                entries.Add(entry);
            }
        });

        Assert.Equal("2401.00001", Assert.Single(entries).Paper!.ArxivId);
        Assert.Equal(2, e.Position?.Entry);
        Assert.Equal($"entry longer than {HuggingFacePapersParser.MaxEntryLength} characters", e.Reason);
        Assert.True(stream.BytesServed < size / 2, $"read {stream.BytesServed:N0} bytes");
    }
}
