using System.IO.Compression;

namespace PaperFeed.Core.Ingest;

/// <summary>
/// Decompresses gzip and notices when the compressed data was cut short. GZipStream alone does not: at an
/// early end of input it simply stops (dotnet/runtime#47563; the check added in #61768 was withdrawn after
/// #72726), so a half-downloaded <c>.gz</c> would read as a shorter, valid file. The gzip trailer ends with
/// ISIZE, the uncompressed length modulo 2^32 (RFC 1952, section 2.3.1), so at the end of the data the last
/// four bytes read must equal what came out.
/// </summary>
/// <remarks>
/// A file of several concatenated gzip members carries the length of its last member only and is reported
/// as truncated; gzip, pigz and .NET write a single member.
/// </remarks>
internal sealed class CheckedGzipStream : ReadOnlyStream
{
    // A 10-byte header, an empty final deflate block of 2 bytes, the 8-byte trailer.
    private const int SmallestGzipLength = 20;

    private readonly ReadTrackingStream _compressed;
    private readonly GZipStream _decompressor;
    private readonly string _sourceName;
    private long _decompressedLength;

    public CheckedGzipStream(Stream compressed, string sourceName)
    {
        _compressed = new ReadTrackingStream(compressed);
        _decompressor = new GZipStream(_compressed, CompressionMode.Decompress);
        _sourceName = sourceName;
    }

    public static bool StartsWithGzipMagic(ReadOnlySpan<byte> head) => head is [0x1F, 0x8B, ..];

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _decompressor.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }

        return Counted(read, buffer.Length);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await _decompressor.ReadAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }

        return Counted(read, buffer.Length);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decompressor.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int read, int requested)
    {
        _decompressedLength += read;
        var endOfData = read == 0 && requested > 0;
        if (endOfData && (_compressed.BytesRead < SmallestGzipLength || _compressed.LastFourBytesLittleEndian != (uint)_decompressedLength))
        {
            throw new SourceFormatException(_sourceName, null, "truncated gzip stream");
        }

        return read;
    }

    private SourceFormatException Corrupt(InvalidDataException e) =>
        new(_sourceName, null, $"corrupt gzip stream ({e.Message})");
}
