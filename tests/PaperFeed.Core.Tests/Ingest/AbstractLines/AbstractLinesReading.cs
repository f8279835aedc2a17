using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.AbstractLines;

namespace PaperFeed.Core.Tests.Ingest.AbstractLines;

/// <summary>Abstract lists read the way the ingest reads them, through <see cref="PaperSourceReader"/>.</summary>
internal static class AbstractLinesReading
{
    public const string Sample = "abstract-lines/abstracts-sample.txt";

    public static readonly PaperSourceReader Reader = new([new AbstractLinesParser()]);

    public static Task<List<SourceEntry>> ReadAsync(string text, string? format = null) => SourceReading.ReadAllAsync(text, format: format, reader: Reader);

    public static Task<List<SourceEntry>> ReadAsync(byte[] bytes, string? format = null) => SourceReading.ReadAllAsync(bytes, format: format, reader: Reader);

    public static Task<SourceFormatException> FailureAsync(string text) => SourceReading.FailureAsync(text, format: AbstractLinesParser.FormatName, reader: Reader);

    public static Task<SourceFormatException> FailureAsync(byte[] bytes) => SourceReading.FailureAsync(bytes, format: AbstractLinesParser.FormatName, reader: Reader);
}
