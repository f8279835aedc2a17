using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.HuggingFace;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest.HuggingFace;

/// <summary>Reads Hugging Face papers JSON through <see cref="PaperSourceReader"/> (gzip, UTF-8, detection) with only this parser.</summary>
internal static class HuggingFaceReading
{
    public const string DailyPapersSample = "hf-papers-json/hf-daily-papers.json";
    public const string PaperSample = "hf-papers-json/hf-paper.json";
    public const string SearchSample = "hf-papers-json/hf-papers-search.json";
    public const string DailyPaperItemSample = "hf-papers-json/hf-daily-paper-item.json";

    public static readonly PaperSourceReader Reader = new([new HuggingFacePapersParser()]);

    public static Task<List<SourceEntry>> ReadAllAsync(string json) => SourceReading.ReadAllAsync(json, format: HuggingFacePapersParser.FormatName, reader: Reader);

    public static Task<List<SourceEntry>> ReadAllAsync(byte[] bytes) => SourceReading.ReadAllAsync(bytes, format: HuggingFacePapersParser.FormatName, reader: Reader);

    public static Task<List<PaperRecord>> PapersAsync(string json) => PapersAsync(Encoding.UTF8.GetBytes(json));

    /// <summary>Reads with format detection, so the samples also show they are recognised.</summary>
    public static Task<List<PaperRecord>> PapersAsync(byte[] bytes) => SourceReading.PapersAsync(bytes, reader: Reader);

    public static Task<SourceFormatException> FailureAsync(string json) => SourceReading.FailureAsync(json, format: HuggingFacePapersParser.FormatName, reader: Reader);

    public static Task<SourceFormatException> FailureAsync(byte[] bytes) => SourceReading.FailureAsync(bytes, format: HuggingFacePapersParser.FormatName, reader: Reader);

    /// <summary>A daily-papers item as the API sends it, compact; extra is spliced into the paper object.</summary>
    public static string Item(string id = "2401.00001", int upvotes = 3, string title = "A Title", string summary = "An abstract.", string extra = "") =>
        $$"""{"paper":{"id":"{{id}}","authors":[{"_id":"6a2c75a3a0d4daae4285f065","name":"Ada Lovelace","hidden":false}],"publishedAt":"2024-01-01T00:00:00.000Z","title":"{{title}}","summary":"{{summary}}","upvotes":{{upvotes}}{{extra}}},"publishedAt":"2023-12-31T19:00:00.000Z","title":"{{title}}","numComments":0}""";
}
