using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.ArxivListing;

/// <summary>
/// The head that arXiv's feed service puts before every abstract in a listing item's description, so that
/// readers that ignore the extension elements still see it: <c>arXiv:2411.17700v1 Announce Type: new \nAbstract: …</c>
/// (arXiv/arxiv-feed, feed/serializers/serializer.py).
/// </summary>
/// <param name="Id">The id with its version, as written (<c>2411.17700v1</c>, <c>hep-th/9901001v2</c>).</param>
/// <param name="AnnounceType">new, cross, replace, replace-cross or absonly.</param>
/// <param name="Abstract">The abstract as written, paragraph breaks and all.</param>
internal sealed partial record ArxivAnnouncement(string Id, string AnnounceType, string Abstract)
{
    /// <summary>Splits a description; null when it does not start with the announcement head.</summary>
    public static ArxivAnnouncement? TryParse(string? description)
    {
        if (description is null)
        {
            return null;
        }

        Match match = Head().Match(description);
        return match.Success
            ? new ArxivAnnouncement(match.Groups["id"].Value, match.Groups["type"].Value, description[match.Length..])
            : null;
    }

    [GeneratedRegex(@"^\s*arXiv:(?<id>\S+)\s+Announce Type:\s*(?<type>[A-Za-z-]*)\s*(?:Abstract:\s?)?", RegexOptions.CultureInvariant)]
    private static partial Regex Head();
}
