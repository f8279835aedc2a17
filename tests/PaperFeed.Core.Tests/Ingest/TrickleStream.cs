using PaperFeed.Core.Ingest;

namespace PaperFeed.Core.Tests.Ingest;

/// <summary>
/// A stream as a network or a pipe delivers it: no seeking, no length, and reads that return a few bytes at a
/// time, so chunk boundaries fall inside line breaks and multi-byte characters.
/// </summary>
internal sealed class TrickleStream(byte[] bytes, int maxBytesPerRead = 7) : ReadOnlyStream
{
    private readonly Random _random = new(42);
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, bytes.Length - _position), _random.Next(1, maxBytesPerRead + 1));
        bytes.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));
}
