using System.Xml;

namespace PaperFeed.Core.Ingest.Xml;

/// <summary>
/// What the first KB of an RSS or Atom document say about where it comes from: the root element, the
/// namespaces in use, the feed's own addresses (Atom <c>id</c> and <c>link</c>, RSS <c>channel/link</c>) and the
/// id of its first entry. Parsers recognise their format from these rather than from substrings, which the
/// titles and abstracts of arbitrary papers could contain.
/// </summary>
internal sealed class XmlFeedHead
{
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);
    private readonly List<string> _addresses = [];

    private XmlFeedHead()
    {
    }

    public string RootName { get; private set; } = "";

    public string RootNamespace { get; private set; } = "";

    /// <summary>Namespace URIs of the elements read and of the declarations on them.</summary>
    public IReadOnlySet<string> Namespaces => _namespaces;

    /// <summary>The feed's own URIs, in document order.</summary>
    public IReadOnlyList<string> Addresses => _addresses;

    /// <summary>The <c>id</c> (Atom) or <c>guid</c> (RSS) of the first entry, if the head reaches it.</summary>
    public string? FirstEntryId { get; private set; }

    public bool IsAtomFeed => RootName == "feed" && RootNamespace == XmlNamespaces.Atom;

    public bool IsRss => RootName == "rss" && RootNamespace.Length == 0;

    /// <summary>
    /// Reads as much of <paramref name="head"/> as is well-formed; the head is usually cut in the middle of a
    /// tag, and what came before the cut is enough. Null when no root element starts in it.
    /// </summary>
    public static XmlFeedHead? Read(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var result = new XmlFeedHead();
        try
        {
            using XmlReader reader = XmlSource.Open(head);
            result.ReadInto(reader);
        }
        catch (XmlException)
        {
            // The end of the head, or text that is not XML at all; what was read stands.
        }

        return result.RootName.Length > 0 ? result : null;
    }

    /// <summary>True when one of the feed's own addresses is on that host or a subdomain of it.</summary>
    public bool HasAddressOn(string host) => _addresses.Any(address => IsOnHost(address, host));

    public bool HasAddressContaining(string text) => _addresses.Any(address => address.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static bool IsOnHost(string address, string host) =>
        Uri.TryCreate(address.Trim(), UriKind.Absolute, out Uri? uri)
        && (uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase));

    private void ReadInto(XmlReader reader)
    {
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            NoteNamespaces(reader);
            if (RootName.Length == 0)
            {
                RootName = reader.LocalName;
                RootNamespace = reader.NamespaceURI;
            }
            else if (reader.LocalName is "entry" or "item")
            {
                FirstEntryId = ReadFirstEntryId(reader);
                return;
            }
            else
            {
                NoteAddress(reader);
            }
        }
    }

    // Feed-level id and link: children of the Atom feed, or of the RSS channel.
    private void NoteAddress(XmlReader reader)
    {
        var feedLevel = IsAtomFeed ? reader.Depth == 1 : IsRss && reader.Depth == 2;
        if (!feedLevel || reader.LocalName is not ("id" or "link"))
        {
            return;
        }

        if (reader.GetAttribute("href") is { } href)
        {
            _addresses.Add(href);
        }
        else if (TextUpToEndTag(reader) is { Length: > 0 } text)
        {
            _addresses.Add(text);
        }
    }

    private static string? ReadFirstEntryId(XmlReader entry)
    {
        var depth = entry.Depth;
        while (entry.Read() && entry.Depth > depth)
        {
            if (entry.NodeType == XmlNodeType.Element && entry.Depth == depth + 1 && entry.LocalName is "id" or "guid")
            {
                return TextUpToEndTag(entry);
            }
        }

        return null;
    }

    /// <summary>
    /// The text of a simple element, leaving the reader on its end tag. Unlike ReadElementContentAsString it
    /// does not look past the end tag, which may be the last complete thing in the head.
    /// </summary>
    private static string TextUpToEndTag(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        var text = new System.Text.StringBuilder();
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(reader.Value);
            }
        }

        return text.ToString().Trim();
    }

    private void NoteNamespaces(XmlReader reader)
    {
        _namespaces.Add(reader.NamespaceURI);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix == "xmlns" || (reader.LocalName == "xmlns" && reader.Prefix.Length == 0))
                {
                    _namespaces.Add(reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }
    }
}
