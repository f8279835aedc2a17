using PaperFeed.Core.Ingest;

namespace PaperFeed.Core.Tests.Ingest;

/// <summary>Tests that measure the process's memory, and so must not run beside other tests.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    /// <summary>
    /// Streams every entry of <paramref name="stream"/> through <paramref name="reader"/>, handing each to
    /// <paramref name="check"/>, and measures the live memory after every <paramref name="every"/> entries.
    /// </summary>
    /// <returns>How many entries were read, and the peak live memory above what was live before reading.</returns>
    internal static async Task<(long Entries, long PeakGrowth)> StreamAsync(
        PaperSourceReader reader, Stream stream, Action<SourceEntry> check, int every = 10_000)
    {
        long entries = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakLiveBytes = 0;

        await foreach (SourceEntry entry in reader.ReadAsync(stream, SourceReading.Context(), cancellationToken: TestContext.Current.CancellationToken))
        {
            check(entry);
            if (++entries % every == 0)
            {
                peakLiveBytes = Math.Max(peakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{entries:N0} entries; baseline {baseline:N0} bytes, peak {peakLiveBytes:N0} bytes");
        return (entries, peakLiveBytes - baseline);
    }
}
