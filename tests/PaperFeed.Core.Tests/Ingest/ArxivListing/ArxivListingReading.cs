using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivAtom;
using PaperFeed.Core.Ingest.ArxivListing;
using PaperFeed.Core.Ingest.DailyPapers;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest.ArxivListing;

/// <summary>
/// Reads listing feeds the way the ingest does: bytes through <see cref="PaperSourceReader"/>, with the API
/// and daily-papers parsers beside it so that format detection is exercised too.
/// </summary>
internal static class ArxivListingReading
{
    public const string New = "arxiv-rss-new.xml";
    public const string Empty = "arxiv-rss-empty.xml";
    public const string Error = "arxiv-rss-error.xml";

    public static readonly PaperSourceReader Reader = new([new ArxivAtomParser(), new ArxivListingParser(), new DailyPapersPageParser()]);

    public static byte[] Sample(string name) => SampleFiles.Fixture($"arxiv-listing-feed/{name}");

    public static string SampleText(string name) => Encoding.UTF8.GetString(Sample(name));

    public static Task<List<SourceEntry>> ReadAllAsync(string text) => SourceReading.ReadAllAsync(text, reader: Reader);

    public static Task<List<SourceEntry>> ReadAllAsync(byte[] bytes) => SourceReading.ReadAllAsync(bytes, reader: Reader);

    public static Task<List<PaperRecord>> PapersAsync(string sample) => SourceReading.PapersAsync(Sample(sample), reader: Reader);

    public static Task<SourceFormatException> FailureAsync(string text) => SourceReading.FailureAsync(text, reader: Reader);

    public static Task<SourceFormatException> FailureAsync(byte[] bytes) => SourceReading.FailureAsync(bytes, reader: Reader);

    /// <summary>An RSS listing feed around the given items, with the channel header of rss.arxiv.org.</summary>
    public static string Channel(params string[] items) =>
        $"""
        <?xml version='1.0' encoding='UTF-8'?>
        <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
          <channel>
            <title>cs.CL updates on arXiv.org</title>
            <link>http://rss.arxiv.org/rss/cs.CL</link>
            <description>cs.CL updates on the arXiv.org e-print archive.</description>
            <pubDate>Thu, 28 Nov 2024 00:00:00 -0500</pubDate>
        {string.Concat(items)}  </channel>
        </rss>

        """;

    /// <summary>An item shaped like rss.arxiv.org's, with any field replaced or left out (null).</summary>
    public static string Item(
        string id = "2411.01234",
        int version = 1,
        string announceType = "new",
        string? title = "A Listed Paper",
        string? description = null,
        string? guid = "",
        string? link = "",
        string? creator = "Ada Lovelace, Alan Turing",
        string categories = "<category>cs.CL</category><category>cs.AI</category>",
        string? pubDate = "Thu, 28 Nov 2024 00:00:00 -0500") =>
        "    <item>\n"
        + (title is null ? "" : $"      <title>{title}</title>\n")
        + (link is null ? "" : $"      <link>{(link.Length > 0 ? link : $"https://arxiv.org/abs/{id}")}</link>\n")
        + $"      <description>{description ?? $"arXiv:{id}v{version} Announce Type: {announceType} \nAbstract: An abstract of the listed paper."}</description>\n"
        + (guid is null ? "" : $"      <guid isPermaLink=\"false\">{(guid.Length > 0 ? guid : $"oai:arXiv.org:{id}v{version}")}</guid>\n")
        + $"      {categories}\n"
        + (pubDate is null ? "" : $"      <pubDate>{pubDate}</pubDate>\n")
        + $"      <arxiv:announce_type>{announceType}</arxiv:announce_type>\n"
        + (creator is null ? "" : $"      <dc:creator>{creator}</dc:creator>\n")
        + "    </item>\n";

    public static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
