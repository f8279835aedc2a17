using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.OaiPmh;
using static PaperFeed.Core.Tests.Ingest.OaiPmh.OaiPmhReading;

namespace PaperFeed.Core.Tests.Ingest.OaiPmh;

[Collection(nameof(MemoryMeasurement))]
public class OaiPmhMemoryTests
{
    [Fact]
    public async Task Large_response_streams_in_flat_memory()
    {
        const long size = 64L * 1024 * 1024;
        var document = ListRecords("RECORD");
        var recordAt = document.IndexOf("RECORD", StringComparison.Ordinal);
        var stream = new GeneratedStream(document[..recordAt], RawRecord(), "\n", document[(recordAt + "RECORD".Length)..], size);

        (long entries, long peakGrowth) = await MemoryMeasurement.StreamAsync(
            new PaperSourceReader([new OaiPmhParser()]), stream, entry => Assert.NotNull(entry.Paper), every: 20_000);

        Assert.Equal(stream.Records, entries);
        Assert.True(entries > 100_000);
        Assert.InRange(peakGrowth, long.MinValue, size / 8);
    }

    [Fact]
    public async Task Record_longer_than_the_limit_fails_without_being_held()
    {
        const long size = 3L * OaiPmhDocument.MaxRecordLength;
        var document = ListRecords(RawRecord(), RawRecord(id: "2401.00002", abstractText: "FIELD"));
        var fieldAt = document.IndexOf("FIELD", StringComparison.Ordinal);
        var stream = new GeneratedStream(document[..fieldAt], "A sentence of an endless abstract. ", "", document[(fieldAt + "FIELD".Length)..], size);
        var entries = new List<SourceEntry>();

        SourceFormatException e = await Assert.ThrowsAsync<SourceFormatException>(async () =>
        {
            await foreach (SourceEntry entry in new PaperSourceReader([new OaiPmhParser()])
                .ReadAsync(stream, SourceReading.Context(), cancellationToken: TestContext.Current.CancellationToken))
            {
                entries.Add(entry);
            }
        });

        Assert.Equal("2401.00001", Assert.Single(entries).Paper!.ArxivId);
        Assert.Equal(7, e.Position?.Line);
        Assert.Equal($"record longer than {OaiPmhDocument.MaxRecordLength} characters", e.Reason);
        Assert.True(stream.BytesServed < size / 2, $"read {stream.BytesServed:N0} bytes");
    }
}
