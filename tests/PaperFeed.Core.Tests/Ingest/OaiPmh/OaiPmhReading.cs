using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.OaiPmh;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest.OaiPmh;

/// <summary>Reads OAI-PMH responses through <see cref="PaperSourceReader"/> (gzip, UTF-8, detection) with only this parser.</summary>
internal static class OaiPmhReading
{
    public const string ArxivSample = "arxiv-oai-pmh/arxiv-oai-listrecords-arXiv.xml";
    public const string Arxiv2017Sample = "arxiv-oai-pmh/arxiv-oai-listrecords-arXiv-2017.xml";
    public const string ArxivRawSample = "arxiv-oai-pmh/arxiv-oai-listrecords-arXivRaw.xml";
    public const string BadResumptionTokenSample = "arxiv-oai-pmh/arxiv-oai-error-badResumptionToken.xml";
    public const string NoRecordsMatchSample = "arxiv-oai-pmh/arxiv-oai-error-noRecordsMatch.xml";

    private static readonly PaperSourceReader Reader = new([new OaiPmhParser()]);

    public static Task<List<SourceEntry>> ReadAllAsync(string xml) => SourceReading.ReadAllAsync(xml, reader: Reader);

    public static Task<List<SourceEntry>> ReadAllAsync(byte[] bytes) => SourceReading.ReadAllAsync(bytes, reader: Reader);

    public static Task<List<PaperRecord>> PapersAsync(byte[] bytes) => SourceReading.PapersAsync(bytes, reader: Reader);

    public static Task<SourceFormatException> FailureAsync(string xml, string? format = null) => SourceReading.FailureAsync(xml, format: format, reader: Reader);

    /// <param name="format">"arxiv-oai-pmh" to force the parser on text it does not recognise.</param>
    public static Task<SourceFormatException> FailureAsync(byte[] bytes, string? format = null) => SourceReading.FailureAsync(bytes, format: format, reader: Reader);

    /// <summary>A ListRecords response around the given record elements, one per line after the four header lines.</summary>
    public static string ListRecords(params string[] records) =>
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
        <responseDate>2025-01-06T20:49:59Z</responseDate>
        <request verb="ListRecords" metadataPrefix="arXivRaw">https://oaipmh.arxiv.org/oai</request>
        <ListRecords>
        """ + "\n" + string.Join("\n", records) + "\n</ListRecords>\n</OAI-PMH>\n";

    /// <summary>
    /// One arXivRaw record on one line; every part can be replaced, and null leaves it out. The header's
    /// identifier follows <paramref name="id"/> unless <paramref name="identifier"/> is given ("" leaves it out).
    /// </summary>
    public static string RawRecord(
        string? id = "2401.00001",
        string? title = "A Title",
        string? abstractText = "An abstract.",
        string? authors = "Ada Lovelace and Alan Turing",
        string? categories = "cs.LG stat.ML",
        string versions = """<version version="v1"><date>Mon, 1 Jan 2024 10:00:00 GMT</date><size>10kb</size></version>""",
        string? identifier = null) =>
        "<record><header>" + Element("identifier", identifier is "" ? null : identifier ?? (id is null ? null : "oai:arXiv.org:" + id)) + "<datestamp>2024-01-02</datestamp></header>"
        + "<metadata><arXivRaw xmlns=\"http://arxiv.org/OAI/arXivRaw/\">"
        + Element("id", id) + versions + Element("title", title) + Element("authors", authors) + Element("categories", categories)
        + Element("abstract", abstractText)
        + "</arXivRaw></metadata></record>";

    /// <summary>One record in the arXiv format; authors are (forenames, keyname) pairs.</summary>
    public static string ArxivRecord(string id, string created, params (string? Forenames, string Keyname)[] authors) =>
        $"<record><header><identifier>oai:arXiv.org:{id}</identifier><datestamp>2024-01-02</datestamp></header>"
        + "<metadata><arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\">"
        + $"<id>{id}</id><created>{created}</created><authors>"
        + string.Concat(authors.Select(author =>
            $"<author><keyname>{author.Keyname}</keyname>{(author.Forenames is null ? "" : $"<forenames>{author.Forenames}</forenames>")}</author>"))
        + "</authors><title>A Title</title><categories>hep-th</categories><abstract>An abstract.</abstract>"
        + "</arXiv></metadata></record>";

    private static string Element(string name, string? value) => value is null ? "" : $"<{name}>{value}</{name}>";
}
