using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PaperFeed.Core.Ingest.Xml;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.OaiPmh;

/// <summary>One <c>&lt;record&gt;</c> of a response, with the line of its start tag.</summary>
internal readonly record struct OaiPmhRecordElement(XElement Element, long Line);

/// <summary>
/// Walks an OAI-PMH 2.0 response (http://www.openarchives.org/OAI/openarchivesprotocol.html) forward: checks
/// the root, turns protocol errors into <see cref="SourceFormatException"/> (except <c>noRecordsMatch</c>, an
/// empty result), and hands out the records one small <see cref="XElement"/> at a time, so memory stays flat
/// however long the response is.
/// </summary>
internal sealed class OaiPmhDocument : IDisposable
{
    public static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";

    /// <summary>
    /// Longest record read, in characters. arXiv records are a few KB; one this long is a broken or hostile
    /// source, and is refused rather than held in memory (as <see cref="SourceLines.MaxLineLength"/> does for lines).
    /// </summary>
    public const int MaxRecordLength = SourceLines.MaxLineLength;

    private readonly CountingTextReader _text;
    private readonly XmlReader _xml;
    private readonly string _sourceName;
    private readonly bool _loadRecords;

    // XElement.LoadAsync, Skip and ReadElementContent leave the reader on the node after the element they read.
    private bool _onNextNode;
    private bool _inList;
    private bool _sawListOrEmptyResult;
    private bool _finished;
    private long _recordLine;

    private OaiPmhDocument(TextReader text, string sourceName, bool loadRecords)
    {
        _text = new CountingTextReader(text);
        // Whitespace between elements is dropped: records are loaded as XElements, to which indentation would only add text nodes.
        _xml = XmlSource.Open(_text, ignoreWhitespace: true);
        _sourceName = sourceName;
        _loadRecords = loadRecords;
    }

    /// <summary>The response's resumptionToken, once the walk has passed it.</summary>
    public OaiPmhResumptionToken? ResumptionToken { get; private set; }

    /// <param name="loadRecords">False to skip records unread, for callers that want only the resumptionToken.</param>
    public static async Task<OaiPmhDocument> OpenAsync(TextReader text, string sourceName, bool loadRecords, CancellationToken cancellationToken)
    {
        var document = new OaiPmhDocument(text, sourceName, loadRecords);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await document.CatchingXmlErrorsAsync(document.ReadRootAsync);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The next record, or null at the end of the response.</summary>
    public Task<OaiPmhRecordElement?> NextRecordAsync(CancellationToken cancellationToken) =>
        CatchingXmlErrorsAsync(() => ReadToNextRecordAsync(cancellationToken));

    public void Dispose()
    {
        _xml.Dispose();
        _text.Dispose();
    }

    private SourceFormatException Fail(long? line, string reason) =>
        new(_sourceName, line is null ? null : new SourcePosition(Line: line), reason);

    private async Task ReadRootAsync()
    {
        if (await _xml.MoveToContentAsync() != XmlNodeType.Element)
        {
            throw Fail(LineNumber, "no XML root element");
        }

        if (_xml.LocalName != "OAI-PMH" || _xml.NamespaceURI != Oai.NamespaceName)
        {
            throw Fail(LineNumber, $"not an OAI-PMH 2.0 response: the root element is <{_xml.Name}> in namespace \"{_xml.NamespaceURI}\"");
        }
    }

    private async Task<OaiPmhRecordElement?> ReadToNextRecordAsync(CancellationToken cancellationToken)
    {
        while (!_finished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_onNextNode && !await _xml.ReadAsync())
            {
                Finish();
                break;
            }

            _onNextNode = false;
            if (_xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (_xml.Depth == 1)
            {
                await AcceptResponsePartAsync();
            }
            else if (_xml.Depth == 2 && _inList && IsOai("record"))
            {
                if (await ReadRecordAsync(cancellationToken) is { } record)
                {
                    return record;
                }
            }
            else if (_xml.Depth == 2 && _inList && IsOai("resumptionToken"))
            {
                await ReadResumptionTokenAsync();
            }
            else
            {
                await SkipAsync();
            }
        }

        return null;
    }

    // The children of <OAI-PMH>: responseDate, request, then either error elements or one element named after the verb.
    private async Task AcceptResponsePartAsync()
    {
        if (IsOai("error"))
        {
            await AcceptErrorAsync();
        }
        else if (IsOai("ListRecords") || IsOai("GetRecord") || (!_loadRecords && _xml.NamespaceURI == Oai.NamespaceName && _xml.LocalName.StartsWith("List", StringComparison.Ordinal)))
        {
            _inList = true;
            _sawListOrEmptyResult = true;
        }
        else if (IsOai("responseDate") || IsOai("request") || _xml.NamespaceURI != Oai.NamespaceName)
        {
            await SkipAsync();
        }
        else
        {
            throw Fail(LineNumber, $"an OAI-PMH {_xml.LocalName} response holds no records to read (harvest with verb=ListRecords)");
        }
    }

    private async Task AcceptErrorAsync()
    {
        var line = LineNumber;
        var code = _xml.GetAttribute("code") ?? "";
        var message = TextNormalizer.Normalize(await ReadTextAsync());

        // A list request that matches nothing is answered with this "error": the result is simply empty.
        if (code == "noRecordsMatch")
        {
            _sawListOrEmptyResult = true;
            return;
        }

        throw Fail(line, message.Length == 0 ? $"OAI-PMH error {code}" : $"OAI-PMH error {code}: {message}");
    }

    private async Task<OaiPmhRecordElement?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        if (!_loadRecords)
        {
            await SkipAsync();
            return null;
        }

        _recordLine = LineNumber;
        _text.LimitTo(MaxRecordLength);
        var record = (XElement)await XNode.ReadFromAsync(_xml, cancellationToken);
        _text.RemoveLimit();
        _onNextNode = true;
        return new OaiPmhRecordElement(record, _recordLine);
    }

    private async Task ReadResumptionTokenAsync()
    {
        var completeListSize = ParseCount(_xml.GetAttribute("completeListSize"));
        var cursor = ParseCount(_xml.GetAttribute("cursor"));
        DateTimeOffset? expires = DateTimeOffset.TryParse(
            _xml.GetAttribute("expirationDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date) ? date : null;
        var value = (await ReadTextAsync()).Trim();
        ResumptionToken = new OaiPmhResumptionToken(value, completeListSize, cursor, expires);
    }

    private void Finish()
    {
        _finished = true;
        if (!_sawListOrEmptyResult)
        {
            throw Fail(null, "the response has neither a ListRecords or GetRecord element nor an error");
        }
    }

    private async Task<string> ReadTextAsync()
    {
        var text = await _xml.ReadElementContentAsStringAsync();
        _onNextNode = true;
        return text;
    }

    private async Task SkipAsync()
    {
        await _xml.SkipAsync();
        _onNextNode = true;
    }

    private bool IsOai(string localName) => _xml.LocalName == localName && _xml.NamespaceURI == Oai.NamespaceName;

    private long LineNumber => ((IXmlLineInfo)_xml).LineNumber;

    private async Task<T> CatchingXmlErrorsAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (XmlException) when (_text.LimitReached)
        {
            throw Fail(_recordLine, $"record longer than {MaxRecordLength} characters");
        }
        catch (XmlException e)
        {
            // The reader names the line in its message too; the position carries it instead. Its message for a
            // DTD tells a developer how to allow them, which does not apply here.
            var reason = e.Message.Contains("DtdProcessing", StringComparison.Ordinal)
                ? "a document type declaration (<!DOCTYPE>), which is not allowed"
                : XmlSource.ReasonOf(e);
            throw new SourceFormatException(_sourceName, XmlSource.PositionOf(e), $"malformed or truncated XML: {reason}");
        }
    }

    private async Task CatchingXmlErrorsAsync(Func<Task> read) =>
        await CatchingXmlErrorsAsync(async () =>
        {
            await read();
            return true;
        });

    private static long? ParseCount(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
}
