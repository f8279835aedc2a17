using System.Globalization;
using System.Xml;
using PaperFeed.Core.Ingest.Xml;

namespace PaperFeed.Core.Ingest.ArxivAtom;

/// <summary>
/// Facts about an arXiv API response as a whole, for the client that pages through a query: the paging numbers,
/// and whether the response is an error. Entries are read by <see cref="ArxivAtomParser"/>.
/// </summary>
public static class ArxivAtomFeed
{
    private const string DefaultSourceName = "arXiv API response";

    /// <summary>
    /// Reads <c>opensearch:totalResults</c>, <c>startIndex</c> and <c>itemsPerPage</c> from a response
    /// held as a string.
    /// </summary>
    /// <exception cref="SourceFormatException">
    /// The text is not well-formed XML or not an Atom feed, a number is missing or not a number, or the response
    /// is arXiv's error feed (the reason then carries the API's message, e.g. "incorrect id format for abc").
    /// </exception>
    public static ArxivApiPaging ReadPaging(string xml, string sourceName = DefaultSourceName)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = new StringReader(xml);
        return ReadPaging(reader, sourceName);
    }

    /// <summary>
    /// Reads the paging numbers from the start of a response; the numbers precede the entries, so only the
    /// feed header and the first entry (to tell an error feed) are read.
    /// </summary>
    /// <inheritdoc cref="ReadPaging(string, string)" path="/exception"/>
    public static ArxivApiPaging ReadPaging(TextReader reader, string sourceName = DefaultSourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            using XmlReader xml = XmlSource.Open(reader, async: false);
            return ReadPaging(xml, sourceName);
        }
        catch (XmlException e)
        {
            throw XmlSource.Malformed(sourceName, e);
        }
    }

    /// <summary>
    /// True for the id of the entry arXiv returns in place of results for a bad request:
    /// <c>https://arxiv.org/api/errors#incorrect_id_format_for_abc</c> (http:// in older responses).
    /// </summary>
    public static bool IsApiErrorId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Uri.TryCreate(id.Trim(), UriKind.Absolute, out Uri? uri)
            && (uri.Host.Equals("arxiv.org", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".arxiv.org", StringComparison.OrdinalIgnoreCase))
            && uri.AbsolutePath.StartsWith("/api/errors", StringComparison.OrdinalIgnoreCase);
    }

    internal static SourceFormatException ApiError(string sourceName, SourcePosition? position, string message) =>
        new(sourceName, position, $"arXiv API error: {message}");

    private static ArxivApiPaging ReadPaging(XmlReader xml, string sourceName)
    {
        xml.MoveToContent();
        if (!xml.Is("feed", XmlNamespaces.Atom))
        {
            throw new SourceFormatException(sourceName, XmlSource.PositionOf(xml), $"not an arXiv API response (root element <{xml.Name}>, not an Atom <feed>)");
        }

        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        var more = !xml.IsEmptyElement && xml.Read();
        while (more && xml.Depth > 0)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != 1)
            {
                more = xml.Read();
            }
            else if (xml.NamespaceURI == XmlNamespaces.OpenSearch)
            {
                var name = xml.LocalName;
                numbers[name] = xml.ReadElementContentAsString(); // leaves the reader on the next node
            }
            else if (xml.Is("entry", XmlNamespaces.Atom))
            {
                ThrowIfApiError(xml, sourceName);
                break;
            }
            else
            {
                xml.Skip();
            }
        }

        return new ArxivApiPaging(
            Number(numbers, "totalResults", sourceName),
            Number(numbers, "startIndex", sourceName),
            Number(numbers, "itemsPerPage", sourceName));
    }

    private static void ThrowIfApiError(XmlReader entry, string sourceName)
    {
        SourcePosition? position = XmlSource.PositionOf(entry);
        string? id = null;
        string? summary = null;
        using XmlReader fields = entry.ReadSubtree();
        var onNextNode = false; // ReadElementContentAsString has already moved on
        while (onNextNode || fields.Read())
        {
            onNextNode = fields.Depth == 1 && (fields.Is("id", XmlNamespaces.Atom) || fields.Is("summary", XmlNamespaces.Atom));
            if (onNextNode && fields.LocalName == "id")
            {
                id = fields.ReadElementContentAsString();
            }
            else if (onNextNode)
            {
                summary = fields.ReadElementContentAsString();
            }
        }

        if (id is not null && IsApiErrorId(id))
        {
            throw ApiError(sourceName, position, Papers.TextNormalizer.Normalize(summary) is { Length: > 0 } message ? message : "no message");
        }
    }

    private static int Number(Dictionary<string, string> numbers, string name, string sourceName)
    {
        if (!numbers.TryGetValue(name, out var text))
        {
            throw new SourceFormatException(sourceName, null, $"no <opensearch:{name}> before the first entry");
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SourceFormatException(sourceName, null, $"<opensearch:{name}> {XmlElements.Quote(text)} is not a count");
    }
}
