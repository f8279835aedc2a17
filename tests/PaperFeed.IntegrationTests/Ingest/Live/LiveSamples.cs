using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest.Live;

/// <summary>The real samples (the Core tests' copies of ../shared/formats/) that the loopback server replays.</summary>
public static class LiveSamples
{
    // Before the fields that use them: static fields are set in the order they are written.
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    private static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests", "PaperFeed.Core.Tests", "Fixtures");

    public static readonly string ApiQuery = Fixture("arxiv-api-atom", "arxiv-api-query.atom.xml");
    public static readonly string ApiError = Fixture("arxiv-api-atom", "arxiv-api-error.atom.xml");
    public static readonly string OaiArxivRaw = Fixture("arxiv-oai-pmh", "arxiv-oai-listrecords-arXivRaw.xml");
    public static readonly string OaiArxiv = Fixture("arxiv-oai-pmh", "arxiv-oai-listrecords-arXiv.xml");
    public static readonly string OaiArxiv2017 = Fixture("arxiv-oai-pmh", "arxiv-oai-listrecords-arXiv-2017.xml");
    public static readonly string OaiBadResumptionToken = Fixture("arxiv-oai-pmh", "arxiv-oai-error-badResumptionToken.xml");
    public static readonly string RssNew = Fixture("arxiv-listing-feed", "arxiv-rss-new.xml");
    public static readonly string RssEmpty = Fixture("arxiv-listing-feed", "arxiv-rss-empty.xml");
    public static readonly string RssError = Fixture("arxiv-listing-feed", "arxiv-rss-error.xml");
    public static readonly string HuggingFaceDailyPapers = Fixture("hf-papers-json", "hf-daily-papers.json");

    /// <summary>The 15 papers of the API sample, in its order.</summary>
    public static readonly IReadOnlyList<string> ApiQueryIds = XDocument.Load(ApiQuery).Root!
        .Elements(Atom + "entry")
        .Select(entry => entry.Element(Atom + "id")!.Value.Split('/')[^1].Split('v')[0])
        .ToList();

    /// <summary>
    /// The three OAI-PMH samples as one harvest: the arXivRaw response's token (726959|1001) leads to the 2015
    /// arXiv response, whose token (788421|43001) leads to the 2017 one, which has none: 6 + 2 + 3 records.
    /// </summary>
    public static readonly IReadOnlyList<string> OaiHarvestIds =
    [
        "0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586",
        "0712.4079", "0712.4080", "1706.05371", "1706.09418", "1707.00874",
    ];

    /// <summary>
    /// One page of the API sample as the API would answer <c>start</c>/<c>max_results</c>: its entries in that
    /// slice, and OpenSearch numbers saying the query has <paramref name="total"/> results (all 15 by default).
    /// </summary>
    public static string ApiPage(int start, int count, int? total = null, bool withoutEntries = false)
    {
        var feed = XDocument.Load(ApiQuery);
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        SetNumber(feed, "totalResults", total ?? entries.Count);
        SetNumber(feed, "startIndex", start);
        SetNumber(feed, "itemsPerPage", count);
        foreach (var (entry, index) in entries.Select((entry, index) => (entry, index)))
        {
            if (withoutEntries || index < start || index >= start + count)
            {
                entry.Remove();
            }
        }

        return feed.Declaration + "\n" + feed.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Answers an arXiv API request from the sample, sliced by the request's start and max_results.</summary>
    public static Task WriteApiPageAsync(HttpContext context, ReceivedRequest request) =>
        WriteAsync(context, ApiPage(Number(request, "start"), Number(request, "max_results")), "application/atom+xml");

    /// <summary>Answers an OAI-PMH request of the three-part harvest by its token; anything else with badResumptionToken.</summary>
    public static Task WriteOaiPageAsync(HttpContext context, ReceivedRequest request) =>
        WriteFileAsync(context, request["resumptionToken"] switch
        {
            null when request["metadataPrefix"] is not null => OaiArxivRaw,
            "726959|1001" => OaiArxiv,
            "788421|43001" => OaiArxiv2017,
            _ => OaiBadResumptionToken,
        }, "text/xml");

    public static async Task WriteFileAsync(HttpContext context, string path, string contentType, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(await File.ReadAllBytesAsync(path));
    }

    public static async Task WriteAsync(HttpContext context, string body, string contentType, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }

    private static string Fixture(string format, string name) => Path.Combine(Fixtures, format, name);

    private static int Number(ReceivedRequest request, string name) => int.Parse(request[name]!, CultureInfo.InvariantCulture);

    private static void SetNumber(XDocument feed, string name, int value) =>
        feed.Root!.Element(OpenSearch + name)!.Value = value.ToString(CultureInfo.InvariantCulture);
}
