using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest;

/// <summary>Runs sources through <see cref="PaperSourceReader.Default"/> the way the ingest does.</summary>
internal static class SourceReading
{
    /// <summary>A day after all three sample pages (Mar 12, Jul 29 and Dec 8 of 2025).</summary>
    public static readonly DateOnly Today = new(2025, 12, 20);

    public static ParseContext Context(DateOnly? today = null) => new("test-source", today ?? Today);

    public static Task<List<SourceEntry>> ReadAllAsync(string text, DateOnly? today = null, string? format = null) =>
        ReadAllAsync(Encoding.UTF8.GetBytes(text), today, format);

    public static Task<List<SourceEntry>> ReadAllAsync(byte[] bytes, DateOnly? today = null, string? format = null) =>
        ReadAllAsync(new MemoryStream(bytes), today, format);

    public static async Task<List<SourceEntry>> ReadAllAsync(Stream stream, DateOnly? today = null, string? format = null, PaperSourceReader? reader = null)
    {
        var entries = new List<SourceEntry>();
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        await foreach (SourceEntry entry in (reader ?? PaperSourceReader.Default).ReadAsync(stream, Context(today), format, cancellationToken))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public static async Task<List<PaperRecord>> PapersAsync(byte[] bytes, DateOnly? today = null)
    {
        List<SourceEntry> entries = await ReadAllAsync(bytes, today);
        Assert.All(entries, entry => Assert.Null(entry.Rejection));
        return [.. entries.Select(entry => entry.Paper!)];
    }

    public static Task<SourceFormatException> FailureAsync(string text, DateOnly? today = null, string? format = null) =>
        FailureAsync(Encoding.UTF8.GetBytes(text), today, format);

    public static Task<SourceFormatException> FailureAsync(byte[] bytes, DateOnly? today = null, string? format = null) =>
        FailureAsync(new MemoryStream(bytes), today, format);

    public static Task<SourceFormatException> FailureAsync(Stream stream, DateOnly? today = null, string? format = null, PaperSourceReader? reader = null) =>
        Assert.ThrowsAsync<SourceFormatException>(() => ReadAllAsync(stream, today, format, reader));
}
