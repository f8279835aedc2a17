using System.Text;

namespace PaperFeed.Core.Tests.Ingest;

/// <summary>
/// An XML feed of any size, made up while it is read: a header, the same body over and over until at least
/// <c>minimumSize</c> bytes were served, then a footer. Lets a test feed gigabyte-scale input without holding it.
/// </summary>
internal sealed class RepeatingFeedStream(string header, string body, string footer, long minimumSize) : Stream
{
    private readonly byte[] _body = Encoding.UTF8.GetBytes(body);
    private readonly byte[] _footer = Encoding.UTF8.GetBytes(footer);
    private byte[] _current = Encoding.UTF8.GetBytes(header);
    private int _offset;
    private bool _footerStarted;

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
            if (_footerStarted)
            {
                return 0;
            }

            _footerStarted = BytesServed >= minimumSize;
            _current = _footerStarted ? _footer : _body;
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
