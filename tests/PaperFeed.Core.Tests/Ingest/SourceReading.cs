using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest;

/// <summary>
/// Runs sources through <see cref="PaperSourceReader.Default"/> (or the given reader, such as one format's
/// parser alone) the way the ingest does.
/// </summary>
internal static class SourceReading
{
    /// <summary>A day after all three sample pages (Mar 12, Jul 29 and Dec 8 of 2025).</summary>
    public static readonly DateOnly Today = new(2025, 12, 20);

    /// <summary>A daily-papers page of any size (see <see cref="GeneratedStream"/>): the header, then one paper block over and over.</summary>
    public static GeneratedStream GeneratedPage(long minimumSize) => new(
        "Daily Papers\n\nDec 8\n\n",
        "A Repeated Paper About Streaming Parsers\n\n"
            + string.Concat(Enumerable.Repeat("This sentence pads the abstract to a realistic length. ", 25)).TrimEnd()
            + "\n\n  • 4 authors\n·\nOct 19, 2023 7\n\n",
        separator: "",
        suffix: "",
        minimumSize);

    public static ParseContext Context(DateOnly? today = null) => new("test-source", today ?? Today);

    public static Task<List<SourceEntry>> ReadAllAsync(string text, DateOnly? today = null, string? format = null, PaperSourceReader? reader = null) =>
        ReadAllAsync(Encoding.UTF8.GetBytes(text), today, format, reader);

    public static Task<List<SourceEntry>> ReadAllAsync(byte[] bytes, DateOnly? today = null, string? format = null, PaperSourceReader? reader = null) =>
        ReadAllAsync(new MemoryStream(bytes), today, format, reader);

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

    /// <summary>The papers of a source none of whose records may be rejected.</summary>
    public static async Task<List<PaperRecord>> PapersAsync(byte[] bytes, DateOnly? today = null, PaperSourceReader? reader = null)
    {
        List<SourceEntry> entries = await ReadAllAsync(bytes, today, reader: reader);
        Assert.All(entries, entry => Assert.Null(entry.Rejection));
        return [.. entries.Select(entry => entry.Paper!)];
    }

    /// <summary>The paper of a source that holds exactly one record, which must be accepted.</summary>
    public static async Task<PaperRecord> SinglePaperAsync(string text, PaperSourceReader? reader = null)
    {
        SourceEntry entry = Assert.Single(await ReadAllAsync(text, reader: reader));
        Assert.Null(entry.Rejection);
        return entry.Paper!;
    }

    public static Task<SourceFormatException> FailureAsync(string text, DateOnly? today = null, string? format = null, PaperSourceReader? reader = null) =>
        FailureAsync(Encoding.UTF8.GetBytes(text), today, format, reader);

    public static Task<SourceFormatException> FailureAsync(byte[] bytes, DateOnly? today = null, string? format = null, PaperSourceReader? reader = null) =>
        FailureAsync(new MemoryStream(bytes), today, format, reader);

    public static Task<SourceFormatException> FailureAsync(Stream stream, DateOnly? today = null, string? format = null, PaperSourceReader? reader = null) =>
        Assert.ThrowsAsync<SourceFormatException>(() => ReadAllAsync(stream, today, format, reader));
}
