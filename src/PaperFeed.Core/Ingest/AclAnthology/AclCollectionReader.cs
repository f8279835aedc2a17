using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using PaperFeed.Core.Ingest.Xml;

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
            throw new SourceFormatException(context.SourceName, XmlSource.PositionOf(xml), $"not an ACL Anthology collection: the root is <{xml.LocalName}>, not <collection>");
        }

        HasOpenedCollection = true;
        var collectionId = xml.GetAttribute("id")?.Trim() ?? "";
        await foreach (XmlReader child in XmlElements.ChildElementsAsync(xml))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (child.LocalName != "volume")
            {
                continue; // <event>: where the volumes were presented, no papers; skipped
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
        await foreach (XmlReader child in XmlElements.ChildElementsAsync(xml))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (child.LocalName)
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
                    break; // <frontmatter>: the volume's own front pages, not a paper; skipped
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

    private async Task<XElement> ReadElementAsync(CancellationToken cancellationToken) =>
        (XElement)await XNode.ReadFromAsync(xml, cancellationToken);
}
