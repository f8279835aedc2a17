using System.Runtime.CompilerServices;
using System.Xml;
using PaperFeed.Core.Ingest.Xml;

namespace PaperFeed.Core.Ingest.ArxivAtom;

/// <summary>
/// Responses of the arXiv API (<c>export.arxiv.org/api/query</c>): an Atom 1.0 feed with OpenSearch paging
/// numbers and one <c>&lt;entry&gt;</c> per paper version (https://info.arxiv.org/help/api/user-manual.html).
/// A query without matches is a valid feed with no entries and yields nothing; a bad query is answered with
/// a feed whose only entry is an error, which fails the source with the API's message.
/// </summary>
public sealed class ArxivAtomParser : IPaperSourceParser
{
    public const string FormatName = "arxiv-api-atom";

    public string Format => FormatName;

    /// <summary>
    /// An Atom feed that uses the OpenSearch namespace or whose own id or link is an arxiv.org/api address,
    /// and that is not one of the listing feeds of rss.arxiv.org (which share the arxiv namespace). The feed
    /// header holds all of this within its first KB.
    /// </summary>
    public bool Recognizes(string head)
    {
        XmlFeedHead? feed = XmlFeedHead.Read(head);
        return feed is { IsAtomFeed: true }
            && !feed.HasAddressOn("rss.arxiv.org")
            && (feed.Namespaces.Contains(XmlNamespaces.OpenSearch) || feed.HasAddressContaining("arxiv.org/api"));
    }

    public IAsyncEnumerable<SourceEntry> ParseAsync(TextReader reader, ParseContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);
        var sourceName = context.SourceName;
        return XmlSource.ReadEntriesAsync(reader, sourceName, (xml, ct) => EntriesAsync(xml, sourceName, ct), cancellationToken);
    }

    private static async IAsyncEnumerable<SourceEntry> EntriesAsync(
        XmlReader reader,
        string sourceName,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await XmlElements.MoveToRootAsync(reader) || !reader.Is("feed", XmlNamespaces.Atom))
        {
            throw new SourceFormatException(sourceName, XmlSource.PositionOf(reader), $"not an arXiv API response (root element <{reader.Name}>, not an Atom <feed>)");
        }

        long number = 0;
        await foreach (XmlReader child in XmlElements.ChildElementsAsync(reader))
        {
            if (!child.Is("entry", XmlNamespaces.Atom))
            {
                continue; // feed metadata: title, id, links, OpenSearch numbers
            }

            cancellationToken.ThrowIfCancellationRequested();
            var position = new SourcePosition(Line: XmlSource.LineOf(child), Entry: ++number);
            ArxivAtomEntry entry = await ArxivAtomEntryReader.ReadAsync(child);
            if (entry.IsApiError)
            {
                throw ArxivAtomFeed.ApiError(sourceName, position, entry.ApiErrorMessage);
            }

            yield return entry.ToEntry(position);
        }

        // Whatever follows the root must still be well-formed (comments, nothing else).
        while (await reader.ReadAsync())
        {
        }
    }
}
