using System.Globalization;
using System.Xml.Linq;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.OaiPmh;

/// <summary>
/// The <c>arXiv</c> metadata format (schema http://arxiv.org/OAI/arXiv.xsd): authors split into keyname and
/// forenames, <c>created</c> as the date of version 1, no version number.
/// </summary>
internal static class ArxivMetadata
{
    private static readonly XNamespace Arxiv = "http://arxiv.org/OAI/arXiv/";

    // In the order a name is written: <forenames>Mauro M.</forenames><keyname>Doria</keyname> is "Mauro M. Doria".
    private static readonly XName[] NameParts = [Arxiv + "forenames", Arxiv + "keyname", Arxiv + "suffix"];

    public static XName Root { get; } = Arxiv + "arXiv";

    public static ArxivOaiMetadata Read(XElement metadata)
    {
        var created = ArxivOaiMetadata.Text(metadata, Arxiv + "created");
        DateOnly? submitted = DateOnly.TryParseExact(created, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day) ? day : null;
        return new ArxivOaiMetadata
        {
            Id = ArxivOaiMetadata.Text(metadata, Arxiv + "id"),
            Title = ArxivOaiMetadata.Text(metadata, Arxiv + "title"),
            Abstract = ArxivOaiMetadata.Text(metadata, Arxiv + "abstract"),
            Authors = [.. metadata.Elements(Arxiv + "authors").Elements(Arxiv + "author").Select(DisplayName).Where(name => name.Length > 0)],
            Categories = ArxivOaiMetadata.Text(metadata, Arxiv + "categories"),
            Submitted = submitted,
            Problem = created is { Length: > 0 } && submitted is null ? $"unreadable created date \"{created}\"" : null,
        };
    }

    // Collaborations ("ATLAS Collaboration") have a keyname only.
    private static string DisplayName(XElement author) =>
        TextNormalizer.Normalize(string.Join(' ', NameParts.Select(part => author.Element(part)?.Value)));
}
