using System.Text;

namespace PaperFeed.Core.Tests.Ingest;

/// <summary>
/// A daily-papers page of any size, made up while it is read, so a test can feed gigabyte-scale input without
/// holding it: the header, then the same paper block over and over.
/// </summary>
internal sealed class GeneratedPageStream(long minimumSize) : Stream
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("Daily Papers\n\nDec 8\n\n");

    private static readonly byte[] Paper = Encoding.UTF8.GetBytes(
        "A Repeated Paper About Streaming Parsers\n\n"
        + string.Concat(Enumerable.Repeat("This sentence pads the abstract to a realistic length. ", 25)).TrimEnd()
        + "\n\n  • 4 authors\n·\nOct 19, 2023 7\n\n");

    private byte[] _current = Header;
    private int _offset;

    public long BytesServed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_offset == _current.Length)
        {
            if (BytesServed >= minimumSize)
            {
                return 0;
            }

            _current = Paper;
            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        BytesServed += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
