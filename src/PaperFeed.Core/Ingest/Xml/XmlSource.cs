using System.Runtime.CompilerServices;
using System.Xml;

namespace PaperFeed.Core.Ingest.Xml;

/// <summary>
/// Opens XML sources the one safe way: forward-only <see cref="XmlReader"/>, no DTD (so no entity expansion
/// bombs and no external entities, https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html),
/// no resolver; and turns the reader's <see cref="XmlException"/> into the pipeline's <see cref="SourceFormatException"/>.
/// </summary>
internal static class XmlSource
{
    public static XmlReader Open(TextReader text, bool async = true) => XmlReader.Create(text, Settings(async));

    public static XmlReader Open(string text) => Open(new StringReader(text), async: false);

    /// <summary>The 1-based line of the reader's current node, or null when the reader does not track lines.</summary>
    public static long? LineOf(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>
    /// Opens <paramref name="text"/> and streams the entries that <paramref name="entries"/> reads from it,
    /// failing with <see cref="SourceFormatException"/> (naming line and column) when the XML is not
    /// well-formed: a truncated download, a broken tag, a DTD.
    /// </summary>
    public static async IAsyncEnumerable<SourceEntry> ReadEntriesAsync(
        TextReader text,
        string sourceName,
        Func<XmlReader, CancellationToken, IAsyncEnumerable<SourceEntry>> entries,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using XmlReader reader = Open(text);
        await using IAsyncEnumerator<SourceEntry> enumerator = entries(reader, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (XmlException e)
            {
                throw Malformed(sourceName, e);
            }

            yield return enumerator.Current;
        }
    }

    public static SourceFormatException Malformed(string sourceName, XmlException e)
    {
        ArgumentNullException.ThrowIfNull(e);

        // XmlException.Message ends with " Line N, position M."; the position is said once, in our own words.
        var message = e.Message;
        var suffix = $" Line {e.LineNumber}, position {e.LinePosition}.";
        if (e.LineNumber > 0 && message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }

        // A refused DTD comes without a position; the reason names it well enough.
        SourcePosition? position = e.LineNumber > 0 ? new SourcePosition(Line: e.LineNumber) : null;
        var column = e.LinePosition > 0 ? $" (column {e.LinePosition})" : "";
        return new SourceFormatException(sourceName, position, $"malformed XML{column}: {message}");
    }

    private static XmlReaderSettings Settings(bool async) => new()
    {
        Async = async,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };
}
