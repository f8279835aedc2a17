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
    /// <param name="ignoreWhitespace">
    /// True to drop whitespace between elements, for formats read as element trees (OAI-PMH records into
    /// XElements); false where whitespace between inline elements is text ("&lt;i&gt;ad hoc&lt;/i&gt; &lt;b&gt;user&lt;/b&gt;").
    /// </param>
    public static XmlReader Open(TextReader text, bool async = true, bool ignoreWhitespace = false) =>
        XmlReader.Create(text, Settings(async, ignoreWhitespace));

    public static XmlReader Open(string text) => Open(new StringReader(text), async: false);

    /// <summary>The 1-based line of the reader's current node, or null when the reader does not track lines.</summary>
    public static long? LineOf(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>The position of the reader's current node, or null when the reader does not track lines.</summary>
    public static SourcePosition? PositionOf(XmlReader reader) =>
        LineOf(reader) is { } line ? new SourcePosition(Line: line) : null;

    /// <summary>Where the reader failed; null for a refused DTD, which comes without a position.</summary>
    public static SourcePosition? PositionOf(XmlException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.LineNumber > 0 ? new SourcePosition(Line: e.LineNumber) : null;
    }

    /// <summary>
    /// The reader's message without its closing " Line N, position M.": the <see cref="SourcePosition"/> says
    /// where, once.
    /// </summary>
    public static string ReasonOf(XmlException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var suffix = $" Line {e.LineNumber}, position {e.LinePosition}.";
        return e.LineNumber > 0 && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }

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
        await foreach (SourceEntry entry in FailingAs(entries(reader, cancellationToken), e => Malformed(sourceName, e), cancellationToken))
        {
            yield return entry;
        }
    }

    /// <summary>
    /// Streams <paramref name="entries"/>, turning an <see cref="XmlException"/> thrown while reading them into
    /// the <see cref="SourceFormatException"/> that <paramref name="failure"/> words: XML cannot be
    /// resynchronised after an error, so the source fails as a whole.
    /// </summary>
    public static async IAsyncEnumerable<SourceEntry> FailingAs(
        IAsyncEnumerable<SourceEntry> entries,
        Func<XmlException, SourceFormatException> failure,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(failure);
        await using IAsyncEnumerator<SourceEntry> enumerator = entries.GetAsyncEnumerator(cancellationToken);
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
                throw failure(e);
            }

            yield return enumerator.Current;
        }
    }

    /// <summary>"malformed XML (column M): the reader's reason", at the line where the reader failed.</summary>
    public static SourceFormatException Malformed(string sourceName, XmlException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var column = e.LinePosition > 0 ? $" (column {e.LinePosition})" : "";
        return new SourceFormatException(sourceName, PositionOf(e), $"malformed XML{column}: {ReasonOf(e)}");
    }

    private static XmlReaderSettings Settings(bool async, bool ignoreWhitespace) => new()
    {
        Async = async,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = ignoreWhitespace,
        CloseInput = false,
    };
}
