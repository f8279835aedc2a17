using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivAtom;
using PaperFeed.Core.Ingest.ArxivListing;
using PaperFeed.Core.Ingest.DailyPapers;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest.ArxivAtom;

/// <summary>
/// Reads arXiv API responses the way the ingest does: bytes through <see cref="PaperSourceReader"/>, with the
/// listing and daily-papers parsers beside it so that format detection is exercised too.
/// </summary>
internal static class ArxivAtomReading
{
    public const string Query = "arxiv-api-query.atom.xml";
    public const string OldStyleId = "arxiv-api-query-oldstyle-id.atom.xml";
    public const string Query2016 = "arxiv-api-query-2016.atom.xml";
    public const string Empty = "arxiv-api-query-empty.atom.xml";
    public const string Error = "arxiv-api-error.atom.xml";

    public static readonly PaperSourceReader Reader = new([new ArxivAtomParser(), new ArxivListingParser(), new DailyPapersPageParser()]);

    public static byte[] Sample(string name) => SampleFiles.Fixture($"arxiv-api-atom/{name}");

    public static string SampleText(string name) => Encoding.UTF8.GetString(Sample(name));

    public static Task<List<SourceEntry>> ReadAllAsync(string text) => SourceReading.ReadAllAsync(text, reader: Reader);

    public static Task<List<SourceEntry>> ReadAllAsync(byte[] bytes) => SourceReading.ReadAllAsync(bytes, reader: Reader);

    public static Task<List<PaperRecord>> PapersAsync(string sample) => SourceReading.PapersAsync(Sample(sample), reader: Reader);

    public static Task<SourceFormatException> FailureAsync(string text) => SourceReading.FailureAsync(text, reader: Reader);

    public static Task<SourceFormatException> FailureAsync(byte[] bytes) => SourceReading.FailureAsync(bytes, reader: Reader);

    /// <summary>A response around the given entries, with the current API's feed header.</summary>
    public static string Feed(params string[] entries) =>
        $"""
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
          <id>https://arxiv.org/api/test</id>
          <title>arXiv Query: test</title>
          <opensearch:itemsPerPage>10</opensearch:itemsPerPage>
          <opensearch:totalResults>{entries.Length}</opensearch:totalResults>
          <opensearch:startIndex>0</opensearch:startIndex>
        {string.Concat(entries)}</feed>

        """;

    /// <summary>An entry shaped like the current API's, with any field replaced or left out (null).</summary>
    public static string Entry(
        string? id = "http://arxiv.org/abs/2501.01234v1",
        string? title = "A Test Paper",
        string? summary = "An abstract that says something.",
        string? published = "2025-01-02T03:04:05Z",
        string authors = "<author><name>Ada Lovelace</name></author>",
        string categories = "<category term=\"cs.CL\" scheme=\"http://arxiv.org/schemas/atom\"/><arxiv:primary_category term=\"cs.CL\"/>") =>
        "  <entry>\n"
        + (id is null ? "" : $"    <id>{id}</id>\n")
        + (title is null ? "" : $"    <title>{title}</title>\n")
        + (summary is null ? "" : $"    <summary>{summary}</summary>\n")
        + (published is null ? "" : $"    <published>{published}</published>\n")
        + $"    {authors}\n    {categories}\n"
        + "  </entry>\n";

    public static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
