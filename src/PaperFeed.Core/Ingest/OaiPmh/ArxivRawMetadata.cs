using System.Globalization;
using System.Xml.Linq;

namespace PaperFeed.Core.Ingest.OaiPmh;

/// <summary>
/// The <c>arXivRaw</c> metadata format (schema http://arxiv.org/OAI/arXivRaw.xsd): every version with its
/// submission time, and the authors as the one free-text line the submitter typed.
/// </summary>
internal static class ArxivRawMetadata
{
    private static readonly XNamespace Raw = "http://arxiv.org/OAI/arXivRaw/";

    // RFC 822 dates as arXiv writes them, with an unpadded day: "Tue, 3 Apr 2007 22:04:11 GMT".
    private static readonly string[] VersionDateFormats = ["d MMM yyyy HH:mm:ss 'GMT'", "d MMM yyyy HH:mm:ss 'UTC'", "d MMM yyyy HH:mm:ss"];

    public static XName Root { get; } = Raw + "arXivRaw";

    public static ArxivOaiMetadata Read(XElement metadata)
    {
        var versions = new List<(int Number, DateOnly? Submitted)>();
        string? problem = null;
        foreach (XElement version in metadata.Elements(Raw + "version"))
        {
            var label = version.Attribute("version")?.Value.Trim() ?? "";
            if (!TryParseVersion(label, out var number))
            {
                problem ??= $"unreadable version \"{label}\"";
                continue;
            }

            var dateText = ArxivOaiMetadata.Text(version, Raw + "date");
            DateOnly? submitted = string.IsNullOrEmpty(dateText) ? null : ParseDate(dateText);
            if (!string.IsNullOrEmpty(dateText) && submitted is null)
            {
                problem ??= $"unreadable date \"{dateText}\" of version {label}";
                continue;
            }

            versions.Add((number, submitted));
        }

        return new ArxivOaiMetadata
        {
            Id = ArxivOaiMetadata.Text(metadata, Raw + "id"),
            Title = ArxivOaiMetadata.Text(metadata, Raw + "title"),
            Abstract = ArxivOaiMetadata.Text(metadata, Raw + "abstract"),
            Authors = ArxivAuthors.SplitTyped(ArxivOaiMetadata.Text(metadata, Raw + "authors")),
            Categories = ArxivOaiMetadata.Text(metadata, Raw + "categories"),
            Version = versions.Count == 0 ? null : versions.Max(version => version.Number),
            Submitted = versions.Count == 0 ? null : versions.MinBy(version => version.Number).Submitted,
            Problem = problem,
        };
    }

    private static bool TryParseVersion(string label, out int number)
    {
        number = 0;
        return label.Length > 1 && label[0] is 'v' or 'V'
            && int.TryParse(label.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number >= 1;
    }

    // The weekday is left out: it adds nothing, and a wrong one would make the whole date fail to parse.
    private static DateOnly? ParseDate(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var withoutWeekday = text[(comma + 1)..].Trim();
        return DateTime.TryParseExact(withoutWeekday, VersionDateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime date)
            ? DateOnly.FromDateTime(date)
            : null;
    }
}
