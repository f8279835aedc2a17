using System.Globalization;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>
/// An OAI-PMH <c>ListRecords</c> harvest (https://www.openarchives.org/OAI/openarchivesprotocol.html#ListRecords).
/// </summary>
/// <param name="Endpoint">The repository's base URL, e.g. https://oaipmh.arxiv.org/oai.</param>
/// <param name="MetadataPrefix"><c>arXiv</c> or <c>arXivRaw</c> (which has every version's date); null only with a <paramref name="StartToken"/>.</param>
/// <param name="Set">A set such as <c>cs</c> or <c>physics:hep-ex</c>; null for the whole repository.</param>
/// <param name="From">The first datestamp wanted (inclusive); null for the repository's earliest.</param>
/// <param name="Until">The last datestamp wanted (inclusive); null for the latest.</param>
/// <param name="Incremental">
/// True for a scheduled harvest: each complete harvest ends at a day (<paramref name="Until"/>, or the day it
/// started) and the next starts from there, so each run asks only for what changed since.
/// </param>
/// <param name="StartToken">A <c>resumptionToken</c> to start from, as in a URL copied from the middle of a harvest.</param>
internal sealed record OaiHarvestRequest(
    Uri Endpoint, string? MetadataPrefix, string? Set, DateOnly? From, DateOnly? Until, bool Incremental, string? StartToken = null)
{
    /// <summary>The metadata formats arXiv serves that the OAI-PMH parser reads.</summary>
    public static readonly IReadOnlyList<string> MetadataPrefixes = ["arXiv", "arXivRaw"];

    /// <summary>Names the harvest in ingest runs and checkpoints: its first request as configured.</summary>
    public string SourceKey => (StartToken is { } token ? ResumeUrl(token) : ListRecordsUrl(From, Until)).ToString();

    public Uri ListRecordsUrl(DateOnly? from, DateOnly? until) => LiveUrls.WithQuery(
        Endpoint,
        ("verb", "ListRecords"),
        ("metadataPrefix", MetadataPrefix),
        ("set", Set),
        ("from", Day(from)),
        ("until", Day(until)));

    /// <summary>A resumed request carries the token and nothing else (OAI-PMH 2.0, section 3.5).</summary>
    public Uri ResumeUrl(string token) => LiveUrls.WithQuery(Endpoint, ("verb", "ListRecords"), ("resumptionToken", token));

    /// <summary>Reads a harvest from a <c>verb=ListRecords</c> URL; it runs once over the URL's range (not incremental).</summary>
    public static bool TryFromUrl(Uri url, out OaiHarvestRequest request)
    {
        ArgumentNullException.ThrowIfNull(url);
        var parameters = LiveUrls.QueryOf(url);
        if (parameters.GetValueOrDefault("verb") != "ListRecords")
        {
            request = null!;
            return false;
        }

        request = new OaiHarvestRequest(
            new Uri(url.GetLeftPart(UriPartial.Path)),
            parameters.GetValueOrDefault("metadataPrefix"),
            parameters.GetValueOrDefault("set"),
            DayOf(parameters.GetValueOrDefault("from")),
            DayOf(parameters.GetValueOrDefault("until")),
            Incremental: false,
            parameters.GetValueOrDefault("resumptionToken"));
        return true;
    }

    // arXiv's granularity is the day (Identify: YYYY-MM-DD); a time part in a URL is dropped.
    private static DateOnly? DayOf(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
