using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.AclAnthology;

/// <summary>
/// What the papers of one <c>&lt;volume&gt;</c> share, from its <c>&lt;meta&gt;</c>: the date (a year and a
/// free-text month; the Anthology knows no day) and the venues.
/// </summary>
internal sealed partial record AclVolume(
    string CollectionId,
    string VolumeId,
    DateTimeOffset? PublishedAt,
    DatePrecision DatePrecision,
    IReadOnlyList<string> Categories)
{
    /// <summary>Prefix of the venue categories, so that "cl" (the journal) is not taken for an arXiv code.</summary>
    public const string CategoryPrefix = "acl:";

    // Every workshop volume also carries the venue "ws", which only says "a workshop".
    private const string GenericWorkshopVenue = "ws";

    /// <param name="meta">The volume's <c>&lt;meta&gt;</c>, or null before (or without) one.</param>
    public static AclVolume From(string collectionId, string volumeId, XElement? meta)
    {
        Match collection = NewStyleCollectionId().Match(collectionId);
        var year = ParseYear(meta?.Element("year")?.Value)
            ?? (collection.Success ? ParseYear(collection.Groups["year"].Value) : null);
        var month = AclMonth.Parse(meta?.Element("month")?.Value);

        DateTimeOffset? publishedAt = year is { } y ? new DateTimeOffset(y, month ?? 1, 1, 0, 0, 0, TimeSpan.Zero) : null;
        var precision = month is null ? DatePrecision.Year : DatePrecision.Month;
        return new AclVolume(collectionId, volumeId, publishedAt, precision, Venues(meta, collection));
    }

    /// <summary>
    /// The Anthology id of a paper of this volume, <c>2023.acl-long.1</c>, built from the element ids as the
    /// Anthology does for collections named <c>year.venue</c>; null for old-style collections (<c>P19</c>), whose
    /// ids follow other rules.
    /// </summary>
    public string? PaperId(string? paperId) =>
        NewStyleCollectionId().IsMatch(CollectionId) && VolumeId.Length > 0 && !string.IsNullOrWhiteSpace(paperId)
            ? $"{CollectionId}-{VolumeId}.{paperId.Trim()}"
            : null;

    // The volume's venues in their order; without any but "ws", the collection's own venue (2023.nodalida).
    private static List<string> Venues(XElement? meta, Match collection)
    {
        List<string> venues =
        [
            .. (meta?.Elements("venue") ?? [])
                .Select(venue => venue.Value.Trim().ToLowerInvariant())
                .Where(venue => venue.Length > 0 && venue != GenericWorkshopVenue)
                .Distinct(StringComparer.Ordinal),
        ];
        if (venues.Count == 0 && collection.Success)
        {
            venues.Add(collection.Groups["venue"].Value.ToLowerInvariant());
        }

        return [.. venues.Select(venue => CategoryPrefix + venue)];
    }

    private static int? ParseYear(string? text) =>
        text is not null && FourDigits().Match(text) is { Success: true } match
            && int.Parse(match.ValueSpan, CultureInfo.InvariantCulture) is >= 1 and var year
            ? year
            : null;

    [GeneratedRegex(@"(?<![0-9])[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"\A(?<year>[0-9]{4})\.(?<venue>[A-Za-z0-9_-]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex NewStyleCollectionId();
}
