using System.Text;

namespace PaperFeed.Core.Ingest;

/// <summary>
/// A source's bytes as text: gzip undone, UTF-8 decoded strictly, and refused early when it is empty, binary
/// or in another encoding. <see cref="Head"/> is the start of the text, for telling the format;
/// <see cref="Reader"/> reads the whole text from its first character, the head included.
/// </summary>
internal sealed class SourceText : IDisposable
{
    // A few KB show the daily-papers header and its first papers, the root element of XML, the first JSON value.
    private const int HeadLength = 8 * 1024;

    private const int ReadBufferSize = 64 * 1024;

    // Share of control characters (other than tab, line breaks, form feed) above which the head is not text.
    private const double MaxControlShare = 0.10;

    // Strict: a Latin-1 or Windows-1252 file must fail loudly, not turn "é" into U+FFFD. The preamble lets
    // StreamReader skip a UTF-8 byte order mark without switching to its own, lenient encoding.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    private readonly ReadTrackingStream _decodedBytes;
    private readonly string _sourceName;

    private SourceText(string head, Stream fromStart, string sourceName)
    {
        Head = head;
        _sourceName = sourceName;
        _decodedBytes = new ReadTrackingStream(fromStart);
        Reader = new StreamReader(_decodedBytes, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: ReadBufferSize, leaveOpen: false);
    }

    public string Head { get; }

    public TextReader Reader { get; }

    public static async Task<SourceText> OpenAsync(Stream stream, string sourceName, CancellationToken cancellationToken)
    {
        StreamHead head = await StreamHead.PeekAsync(stream, HeadLength, leaveOpen: true, cancellationToken);
        try
        {
            if (CheckedGzipStream.StartsWithGzipMagic(head.Bytes))
            {
                var decompressed = new CheckedGzipStream(head.FromStart, sourceName);
                head = await StreamHead.PeekAsync(decompressed, HeadLength, leaveOpen: false, cancellationToken);
            }

            return new SourceText(DecodeHead(head, sourceName), head.FromStart, sourceName);
        }
        catch
        {
            // Releases the pipe's buffers and the decompressor; the caller's stream stays open.
            await head.FromStart.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The error for a decoding failure met while the parser reads, naming the byte (of the decompressed text)
    /// near which it happened. StreamReader decodes each chunk it reads in one call, so the failure's index
    /// counts from the start of the latest read; it is negative for a sequence begun in the chunk before,
    /// such as a character cut off by the end of the file.
    /// </summary>
    public SourceFormatException NotUtf8(DecoderFallbackException e) =>
        NotUtf8(_sourceName, Math.Max(_decodedBytes.LatestReadStart + e.Index, 0));

    public void Dispose() => Reader.Dispose();

    private static string DecodeHead(StreamHead head, string sourceName)
    {
        ReadOnlySpan<byte> bytes = head.Bytes;
        if (bytes.IsEmpty)
        {
            throw new SourceFormatException(sourceName, null, "empty file");
        }

        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            throw new SourceFormatException(sourceName, null, "UTF-16 text; only UTF-8 is read (save the file as UTF-8)");
        }

        if (LooksBinary(bytes))
        {
            throw new SourceFormatException(sourceName, null, "binary file, not text");
        }

        var text = Decode(bytes, head.IsWholeStream, sourceName);
        if (head.IsWholeStream && string.IsNullOrWhiteSpace(text))
        {
            throw new SourceFormatException(sourceName, null, "empty file");
        }

        return text;
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            return true;
        }

        var controls = 0;
        foreach (var b in bytes)
        {
            if (b is < 0x20 and not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f') || b == 0x7F)
            {
                controls++;
            }
        }

        return controls > bytes.Length * MaxControlShare;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, bool isWholeStream, string sourceName)
    {
        Decoder decoder = StrictUtf8.GetDecoder();
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        try
        {
            // Unless the head is the whole stream, its last character may continue past it: no flush.
            var count = decoder.GetChars(bytes, chars, flush: isWholeStream);
            string text = new(chars, 0, count);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw NotUtf8(sourceName, Math.Max(e.Index, 0));
        }
    }

    private static SourceFormatException NotUtf8(string sourceName, long offset) =>
        new(sourceName, new SourcePosition(ByteOffset: offset), $"not UTF-8 text (invalid byte sequence near byte {offset})");
}
