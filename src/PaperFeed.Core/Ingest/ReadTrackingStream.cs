using System.Buffers.Binary;

namespace PaperFeed.Core.Ingest;

/// <summary>
/// Passes reads through and remembers where they were: how many bytes came before the latest read (to name
/// the byte where decoding failed) and the last four bytes of the stream (the gzip trailer's length field).
/// </summary>
internal sealed class ReadTrackingStream(Stream inner) : ReadOnlyStream
{
    private readonly byte[] _lastFourBytes = new byte[4];

    public long BytesRead { get; private set; }

    /// <summary>Offset of the first byte the latest read returned, or would have returned had it not hit the end.</summary>
    public long LatestReadStart { get; private set; }

    public uint LastFourBytesLittleEndian => BinaryPrimitives.ReadUInt32LittleEndian(_lastFourBytes);

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Remember(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Remember(buffer.Span[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Remember(ReadOnlySpan<byte> read)
    {
        LatestReadStart = BytesRead;
        BytesRead += read.Length;
        if (read.Length >= _lastFourBytes.Length)
        {
            read[^_lastFourBytes.Length..].CopyTo(_lastFourBytes);
        }
        else
        {
            _lastFourBytes.AsSpan(read.Length).CopyTo(_lastFourBytes);
            read.CopyTo(_lastFourBytes.AsSpan(_lastFourBytes.Length - read.Length));
        }
    }
}
