using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml;
using PaperFeed.Core.Ingest.Xml;

namespace PaperFeed.Core.Ingest.AclAnthology;

/// <summary>
/// A collection file of the ACL Anthology (<c>data/xml/2023.acl.xml</c> in acl-org/acl-anthology):
/// <c>&lt;collection&gt;</c> → <c>&lt;volume&gt;</c> (whose <c>&lt;meta&gt;</c> gives year, month and venues) →
/// <c>&lt;paper&gt;</c>. Read with a streaming <see cref="XmlReader"/>, one paper element in memory at a time.
/// A well-formed collection without papers (<c>2023.ws.xml</c> holds only an event) is complete and yields
/// nothing; broken XML fails as a whole, because XML cannot be resynchronised after an error.
/// </summary>
public sealed partial class AclAnthologyXmlParser : IPaperSourceParser
{
    public const string FormatName = "acl-anthology-xml";

    public string Format => FormatName;

    public bool Recognizes(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return CollectionRoot().IsMatch(head);
    }

    public async IAsyncEnumerable<SourceEntry> ParseAsync(
        TextReader reader,
        ParseContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);

        // Whitespace between inline elements is kept (XmlSource's default): "<i>ad hoc</i> <b>user</b>" needs its space.
        using var text = new TextEndReader(reader);
        using XmlReader xml = XmlSource.Open(text);
        var collection = new AclCollectionReader(xml, context);
        await foreach (SourceEntry entry in XmlSource.FailingAs(
            collection.ReadAsync(cancellationToken),
            e => Unreadable(context, e, truncated: collection.HasOpenedCollection && text.ReachedEnd && !text.EndsWith(ClosedCollection())),
            cancellationToken))
        {
            yield return entry;
        }
    }

    // XmlException tells where the text stopped making sense but not whether it was cut short: a cut inside a
    // tag, an attribute or an entity each gives another message. A file that was read to its end, started as a
    // collection and does not end with the collection's end tag was cut short, whatever the message.
    private static SourceFormatException Unreadable(ParseContext context, XmlException e, bool truncated)
    {
        var reason = truncated ? $"truncated: the file ends before </collection> ({e.Message})" : $"malformed XML: {e.Message}";
        return new SourceFormatException(context.SourceName, XmlSource.PositionOf(e), reason);
    }

    // The root element, after an optional XML declaration and comments.
    [GeneratedRegex(@"\A\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<collection[\s/>]", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CollectionRoot();

    [GeneratedRegex(@"</collection\s*>\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClosedCollection();
}
