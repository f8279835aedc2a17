using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.OaiPmh;

/// <summary>
/// Responses of arXiv's OAI-PMH interface (https://oaipmh.arxiv.org/oai, formerly export.arxiv.org/oai2) to
/// <c>ListRecords</c> or <c>GetRecord</c> with <c>metadataPrefix=arXiv</c> or <c>arXivRaw</c>. Deleted records and
/// records that lack an id, a title or an abstract are rejected one by one; an OAI-PMH error other than
/// <c>noRecordsMatch</c> (an empty result) fails the whole source with its code and message. A harvester reads
/// the next page's token with <see cref="OaiPmhResponse.ReadResumptionTokenAsync"/>.
/// </summary>
public sealed partial class OaiPmhParser : IPaperSourceParser
{
    public const string FormatName = "arxiv-oai-pmh";

    public string Format => FormatName;

    /// <summary>An XML document whose root is OAI-PMH 2.0's <c>&lt;OAI-PMH&gt;</c>, whatever the verb or error.</summary>
    public bool Recognizes(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<')
            && RootElement().IsMatch(head)
            && head.Contains(OaiPmhDocument.Oai.NamespaceName, StringComparison.Ordinal);
    }

    public async IAsyncEnumerable<SourceEntry> ParseAsync(
        TextReader reader,
        ParseContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);

        using OaiPmhDocument document = await OaiPmhDocument.OpenAsync(reader, context.SourceName, loadRecords: true, cancellationToken);
        while (await document.NextRecordAsync(cancellationToken) is { } record)
        {
            yield return OaiPmhRecord.ToEntry(record, context.SourceName);
        }
    }

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.-]*:)?OAI-PMH[\s>/]", RegexOptions.CultureInvariant)]
    private static partial Regex RootElement();
}
