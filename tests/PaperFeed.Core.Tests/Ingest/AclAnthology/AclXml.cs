using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.AclAnthology;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest.AclAnthology;

/// <summary>Small collection files written inline, and reading them the way the ingest does.</summary>
internal static class AclXml
{
    public const string Fixtures = "acl-anthology-xml";

    public static readonly PaperSourceReader Reader = new([new AclAnthologyXmlParser()]);

    public const string StandardMeta = """
            <meta>
              <booktitle>Proceedings of a Test Workshop</booktitle>
              <month>July</month>
              <year>2023</year>
              <venue>test</venue>
              <venue>ws</venue>
            </meta>
        """;

    public static byte[] Fixture(string name) => SampleFiles.Fixture($"{Fixtures}/{name}");

    /// <summary>A paper with the given inner elements; a title, an abstract and a url unless given.</summary>
    public static string Paper(string id, string? title = "A Paper", string? abstractText = "An abstract.", string? url = "", string more = "") =>
        $"""
            <paper id="{id}">
              {(title is null ? "" : $"<title>{title}</title>")}
              <author><first>Ada</first><last>Lovelace</last></author>
              {(abstractText is null ? "" : $"<abstract>{abstractText}</abstract>")}
              {(url is null ? "" : $"<url hash=\"0\">{(url.Length == 0 ? $"2023.test-1.{id}" : url)}</url>")}
              {more}
            </paper>
        """;

    /// <summary>A collection <c>2023.test</c> with one volume <c>1</c> holding <paramref name="volumeContent"/>.</summary>
    public static string Collection(string volumeContent, string meta = StandardMeta, string collectionId = "2023.test") =>
        $"""
        <?xml version='1.0' encoding='UTF-8'?>
        <collection id="{collectionId}">
          <volume id="1" ingest-date="2023-07-08" type="proceedings">
        {meta}
        {volumeContent}
          </volume>
        </collection>

        """;

    public static Task<List<SourceEntry>> ReadAsync(string xml) => SourceReading.ReadAllAsync(xml, reader: Reader);

    public static Task<List<SourceEntry>> ReadAsync(byte[] bytes, string? format = null) => SourceReading.ReadAllAsync(bytes, format: format, reader: Reader);

    public static Task<PaperRecord> SinglePaperAsync(string xml) => SourceReading.SinglePaperAsync(xml, Reader);

    public static async Task<string> SingleRejectionAsync(string xml)
    {
        SourceEntry entry = Assert.Single(await ReadAsync(xml));
        Assert.Null(entry.Paper);
        return entry.Rejection!;
    }

    public static Task<SourceFormatException> FailureAsync(string xml, string? format = null) => SourceReading.FailureAsync(xml, format: format, reader: Reader);

    public static Task<SourceFormatException> FailureAsync(byte[] bytes, string? format = null) => SourceReading.FailureAsync(bytes, format: format, reader: Reader);

    public static DateTimeOffset Utc(int year, int month) => new(year, month, 1, 0, 0, 0, TimeSpan.Zero);
}
