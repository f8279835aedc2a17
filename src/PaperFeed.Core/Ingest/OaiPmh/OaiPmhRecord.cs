using System.Xml.Linq;

namespace PaperFeed.Core.Ingest.OaiPmh;

/// <summary>
/// One <c>&lt;record&gt;</c>: its header says which paper and whether it was deleted; its metadata is in one of
/// arXiv's two formats (https://info.arxiv.org/help/oa/index.html): <c>arXiv</c> or <c>arXivRaw</c>.
/// </summary>
internal static class OaiPmhRecord
{
    private static readonly XNamespace Oai = OaiPmhDocument.Oai;

    public static SourceEntry ToEntry(OaiPmhRecordElement record, string sourceName)
    {
        var position = new SourcePosition(Line: record.Line);
        XElement? header = record.Element.Element(Oai + "header");
        var identifier = header?.Element(Oai + "identifier")?.Value.Trim();

        // Withdrawn records keep a header with status="deleted" and lose their metadata; the paper stays stored.
        if (header?.Attribute("status")?.Value == "deleted")
        {
            return SourceEntry.Rejected(position, identifier is null ? "deleted record" : $"deleted record {identifier}");
        }

        XElement? metadata = record.Element.Element(Oai + "metadata")?.Elements().FirstOrDefault();
        if (metadata is null)
        {
            return SourceEntry.Rejected(position, identifier is null ? "record without metadata" : $"record {identifier} without metadata");
        }

        ArxivOaiMetadata fields = metadata.Name == ArxivMetadata.Root ? ArxivMetadata.Read(metadata)
            : metadata.Name == ArxivRawMetadata.Root ? ArxivRawMetadata.Read(metadata)
            : throw new SourceFormatException(sourceName, position,
                $"metadata format <{metadata.Name.LocalName}> (\"{metadata.Name.NamespaceName}\") is not read; harvest with metadataPrefix=arXiv or arXivRaw");
        return fields.ToEntry(position, identifier);
    }
}
