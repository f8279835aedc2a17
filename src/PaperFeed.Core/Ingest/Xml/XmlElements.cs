using System.Buffers;
using System.Text;
using System.Xml;

namespace PaperFeed.Core.Ingest.Xml;

/// <summary>The text of one element, cut off at a limit so that a runaway field cannot fill memory.</summary>
/// <param name="Text">The element's text (of all its descendants, markup left out), up to the limit.</param>
/// <param name="TooLong">True when the text went past the limit and <paramref name="Text"/> is incomplete.</param>
internal readonly record struct XmlFieldText(string Text, bool TooLong);

/// <summary>Walking the element tree with a forward-only <see cref="XmlReader"/>: children, text, nothing buffered.</summary>
internal static class XmlElements
{
    /// <summary>
    /// Longest text kept of any one field. arXiv caps abstracts at 1,920 characters and titles are shorter, so
    /// a megabyte is a broken or hostile source; the field is reported as too long instead of being held.
    /// </summary>
    public const int MaxFieldLength = 1 << 20;

    /// <summary>
    /// The child elements of the element the reader is on, each time with the reader on the child's start tag;
    /// afterwards the reader is past the element's end. The caller may consume a child (read its text, walk
    /// its own children) or leave it, and a child left where it was is skipped, which is why the reader must
    /// carry line information, as every reader from <see cref="XmlSource"/> does.
    /// </summary>
    public static async IAsyncEnumerable<XmlReader> ChildElementsAsync(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);

        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            yield break;
        }

        var depth = reader.Depth;
        var more = await reader.ReadAsync();
        while (more && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                more = await reader.ReadAsync();
                continue;
            }

            (int Line, int Column) start = Where(reader);
            yield return reader;
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && Where(reader) == start)
            {
                await reader.SkipAsync();
            }

            more = !reader.EOF;
        }

        if (more)
        {
            await reader.ReadAsync();
        }
    }

    /// <summary>
    /// Reads the text of the element the reader is on and moves past its end. The text is read in chunks
    /// (<see cref="XmlReader.ReadValueChunkAsync"/>), so a huge text node is never held whole.
    /// </summary>
    public static async Task<XmlFieldText> ReadTextAsync(XmlReader reader, int maxLength = MaxFieldLength)
    {
        ArgumentNullException.ThrowIfNull(reader);

        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return new XmlFieldText("", TooLong: false);
        }

        var text = new StringBuilder();
        var tooLong = false;
        var chunk = ArrayPool<char>.Shared.Rent(16 * 1024);
        try
        {
            var depth = reader.Depth;
            var more = await reader.ReadAsync();
            while (more && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    int read;
                    while ((read = await reader.ReadValueChunkAsync(chunk, 0, chunk.Length)) > 0)
                    {
                        tooLong |= text.Length + read > maxLength;
                        if (!tooLong)
                        {
                            text.Append(chunk, 0, read);
                        }
                    }
                }

                more = await reader.ReadAsync();
            }

            await reader.ReadAsync();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }

        return new XmlFieldText(text.ToString(), tooLong);
    }

    /// <summary>
    /// Reads a record's field (<see cref="ReadTextAsync"/>) and, when its text was cut off at
    /// <see cref="MaxFieldLength"/>, tells <paramref name="noteTooLong"/> the element's name, so that the record
    /// can be rejected naming it.
    /// </summary>
    public static async Task<string> ReadFieldAsync(XmlReader element, Action<string> noteTooLong)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(noteTooLong);
        var name = element.Name;
        XmlFieldText field = await ReadTextAsync(element);
        if (field.TooLong)
        {
            noteTooLong(name);
        }

        return field.Text;
    }

    /// <summary>
    /// Reads an Atom <c>&lt;author&gt;</c> and adds its <c>&lt;name&gt;</c> to <paramref name="names"/>; the
    /// rest (the arXiv API's <c>arxiv:affiliation</c>) is skipped.
    /// </summary>
    public static async Task ReadAtomAuthorAsync(XmlReader author, List<string> names, Action<string> noteTooLong)
    {
        ArgumentNullException.ThrowIfNull(names);
        await foreach (XmlReader part in ChildElementsAsync(author))
        {
            if (part.Is("name", XmlNamespaces.Atom))
            {
                names.Add(await ReadFieldAsync(part, noteTooLong));
            }
        }
    }

    /// <summary>A value for reason messages: trimmed, and shortened when long, since it may be a runaway field.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        const int longest = 80;
        var trimmed = value.Trim();
        return trimmed.Length <= longest ? $"\"{trimmed}\"" : $"\"{trimmed[..longest]}…\"";
    }

    /// <summary>True when the reader is on an element of that name in that namespace.</summary>
    public static bool Is(this XmlReader reader, string localName, string namespaceUri) =>
        reader.NodeType == XmlNodeType.Element
        && string.Equals(reader.LocalName, localName, StringComparison.Ordinal)
        && string.Equals(reader.NamespaceURI, namespaceUri, StringComparison.Ordinal);

    /// <summary>
    /// Moves to the document's root element. False only if the text ends first; XmlReader usually throws
    /// "Root element is missing" before that.
    /// </summary>
    public static async Task<bool> MoveToRootAsync(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (await reader.ReadAsync())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                return true;
            }
        }

        return false;
    }

    private static (int Line, int Column) Where(XmlReader reader) =>
        reader is IXmlLineInfo info ? (info.LineNumber, info.LinePosition) : (0, 0);
}
