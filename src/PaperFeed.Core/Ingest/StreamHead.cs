using System.Buffers;
using System.IO.Pipelines;

namespace PaperFeed.Core.Ingest;

/// <summary>
/// The first bytes of a stream, read without consuming them, so that a format can be told from its content
/// on streams that cannot seek (an HTTP body, a gzip stream).
/// </summary>
/// <param name="Bytes">The head: the requested length past any leading blank lines, or all of a shorter stream.</param>
/// <param name="IsWholeStream">True when the stream ended within the head.</param>
/// <param name="FromStart">The whole stream again, starting with the head.</param>
internal sealed record StreamHead(byte[] Bytes, bool IsWholeStream, Stream FromStart)
{
    // Enough for most sources to show their format after leading blank lines; more than this of nothing but
    // whitespace is not worth waiting for.
    private const int MaxBlankPrefix = 1024 * 1024;

    // Larger than the pipe's default 4 KB so that parsers read large chunks after the head.
    private const int PipeBufferSize = 64 * 1024;

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n\f\v"u8);

    public static async Task<StreamHead> PeekAsync(Stream stream, int length, bool leaveOpen, CancellationToken cancellationToken)
    {
        // A PipeReader keeps what it read until told it was consumed. Consuming nothing (AdvanceTo the start)
        // leaves the head buffered, so the stream from AsStream replays it before reading on.
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: PipeBufferSize, leaveOpen: leaveOpen));
        try
        {
            var wanted = length;
            while (true)
            {
                ReadResult result = await reader.ReadAtLeastAsync(wanted, cancellationToken);
                ReadOnlySequence<byte> buffer = result.Buffer;
                var blank = LeadingBlankLength(buffer);
                var needed = blank + length;
                if (buffer.Length >= needed || result.IsCompleted || blank >= MaxBlankPrefix)
                {
                    var head = buffer.Slice(0, Math.Min(buffer.Length, needed)).ToArray();
                    var whole = result.IsCompleted && head.Length == buffer.Length;
                    reader.AdvanceTo(buffer.Start);
                    return new StreamHead(head, whole, reader.AsStream());
                }

                reader.AdvanceTo(buffer.Start);
                wanted = (int)needed;
            }
        }
        catch
        {
            await reader.CompleteAsync();
            throw;
        }
    }

    private static long LeadingBlankLength(ReadOnlySequence<byte> buffer)
    {
        long blank = 0;
        foreach (ReadOnlyMemory<byte> segment in buffer)
        {
            var content = segment.Span.IndexOfAnyExcept(Whitespace);
            if (content >= 0)
            {
                return blank + content;
            }

            blank += segment.Length;
        }

        return blank;
    }
}
