using System.Text;

namespace PaperFeed.Core.Tests.Ingest;

/// <summary>
/// A source of any size made up while it is read: a prefix, one record repeated with a separator between
/// copies, and a suffix, so a test can feed gigabyte-scale XML or JSON without holding it.
/// </summary>
internal sealed class RepeatedRecordsStream(string prefix, string record, string separator, string suffix, long minimumSize) : Stream
{
    private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);
    private readonly byte[] _record = Encoding.UTF8.GetBytes(record);
    private readonly byte[] _separatorAndRecord = Encoding.UTF8.GetBytes(separator + record);
    private readonly byte[] _suffix = Encoding.UTF8.GetBytes(suffix);
    private byte[]? _current;
    private int _offset;
    private bool _ended;

    public long BytesServed { get; private set; }

    public long Records { get; private set; }

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
        if (_current is null || _offset == _current.Length)
        {
            if (!NextPart())
            {
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _current!.Length - _offset);
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

    private bool NextPart()
    {
        _offset = 0;
        if (_current is null)
        {
            _current = _prefix;
        }
        else if (BytesServed < minimumSize)
        {
            _current = Records == 0 ? _record : _separatorAndRecord;
            Records++;
        }
        else if (!_ended)
        {
            _current = _suffix;
            _ended = true;
        }
        else
        {
            return false;
        }

        return true;
    }
}
