using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;

namespace PaperFeed.Core.Ingest.AclAnthology;

/// <summary>
/// Walks one collection: each <c>&lt;volume&gt;</c>, its <c>&lt;meta&gt;</c> and its <c>&lt;paper&gt;</c>
/// elements. Each paper is loaded on its own into an <see cref="XElement"/>, so memory holds one paper, not the
/// file. Events, front matter and anything unknown are skipped.
/// </summary>
internal sealed class AclCollectionReader(XmlReader xml, ParseContext context)
{
    /// <summary>True once the root <c>&lt;collection&gt;</c> start tag was read.</summary>
    public bool HasOpenedCollection { get; private set; }

    public async IAsyncEnumerable<SourceEntry> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await xml.MoveToContentAsync() != XmlNodeType.Element || xml.LocalName != "collection")
        {
            throw new SourceFormatException(context.SourceName, Position(), $"not an ACL Anthology collection: the root is <{xml.LocalName}>, not <collection>");
        }

        HasOpenedCollection = true;
        var collectionId = xml.GetAttribute("id")?.Trim() ?? "";
        await foreach (var child in ChildElementsAsync(cancellationToken))
        {
            if (child != "volume")
            {
                await xml.SkipAsync(); // <event>: where the volumes were presented, no papers
                continue;
            }

            await foreach (SourceEntry entry in ReadVolumeAsync(collectionId, cancellationToken))
            {
                yield return entry;
            }
        }

        // Whatever follows the root must still be well-formed (a second root means two files run together).
        while (await xml.ReadAsync())
        {
        }
    }

    private async IAsyncEnumerable<SourceEntry> ReadVolumeAsync(string collectionId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var volumeId = xml.GetAttribute("id")?.Trim() ?? "";
        AclVolume volume = AclVolume.From(collectionId, volumeId, meta: null);

        // Anthology ids contain the volume id, so a paper repeated in a file repeats within its volume; keeping
        // only the current volume's ids keeps memory flat however long the file.
        var seen = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await foreach (var child in ChildElementsAsync(cancellationToken))
        {
            switch (child)
            {
                case "meta":
                    volume = AclVolume.From(collectionId, volumeId, await ReadElementAsync(cancellationToken));
                    break;
                case "paper":
                    var line = ((IXmlLineInfo)xml).LineNumber;
                    var paper = new AclPaper(await ReadElementAsync(cancellationToken), volume, line);
                    yield return DuplicateOf(paper, seen) ?? paper.ToEntry();
                    break;
                default:
                    await xml.SkipAsync(); // <frontmatter>: the volume's own front pages, not a paper
                    break;
            }
        }
    }

    private static SourceEntry? DuplicateOf(AclPaper paper, Dictionary<string, long> seen)
    {
        if (paper.AnthologyId is not { } id)
        {
            return null;
        }

        if (seen.TryGetValue(id, out var firstLine))
        {
            return SourceEntry.Rejected(new SourcePosition(Line: paper.Line), $"duplicate Anthology id {id} (first at line {firstLine})");
        }

        seen.Add(id, paper.Line);
        return null;
    }

    /// <summary>
    /// Positions the reader on each child element of the element it is on, in turn, and names it. The caller
    /// must consume each child (read or skip it) before asking for the next. Ends past the parent's end tag.
    /// </summary>
    private async IAsyncEnumerable<string> ChildElementsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (xml.IsEmptyElement)
        {
            await xml.ReadAsync();
            yield break;
        }

        var depth = xml.Depth;
        await xml.ReadAsync();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
            {
                await xml.ReadAsync();
                yield break;
            }

            if (xml.NodeType == XmlNodeType.Element)
            {
                yield return xml.LocalName;
            }
            else if (!await xml.ReadAsync())
            {
                yield break; // not reached: the reader throws at the end of a file with open elements
            }
        }
    }

    private async Task<XElement> ReadElementAsync(CancellationToken cancellationToken) =>
        (XElement)await XNode.ReadFromAsync(xml, cancellationToken);

    private SourcePosition? Position() =>
        xml is IXmlLineInfo { LineNumber: > 0 } info ? new SourcePosition(Line: info.LineNumber) : null;
}
