using System.Text;
using PaperFeed.Core.Ingest;

namespace PaperFeed.Core.Tests.Ingest;

/// <summary>
/// A source of any size, made up while it is read: a prefix, then one record over and over (with a separator
/// between copies) until at least <c>minimumSize</c> bytes were served, then a suffix. Lets a test feed
/// gigabyte-scale XML, JSON or text without holding it; <c>long.MaxValue</c> makes it endless.
/// </summary>
internal sealed class GeneratedStream(byte[] prefix, byte[] record, byte[] separator, byte[] suffix, long minimumSize) : ReadOnlyStream
{
    private readonly byte[] _record = record.Length > 0 ? record : throw new ArgumentException("an empty record never fills the stream", nameof(record));
    private readonly byte[] _separatorAndRecord = [.. separator, .. record];
    private byte[] _current = prefix;
    private int _offset;
    private bool _ended;

    public GeneratedStream(string prefix, string record, string separator, string suffix, long minimumSize)
        : this(Encoding.UTF8.GetBytes(prefix), Encoding.UTF8.GetBytes(record), Encoding.UTF8.GetBytes(separator), Encoding.UTF8.GetBytes(suffix), minimumSize)
    {
    }

    public long BytesServed { get; private set; }

    /// <summary>How many copies of the record were started.</summary>
    public long Records { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        while (_offset == _current.Length)
        {
            if (!NextPart())
            {
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        BytesServed += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    private bool NextPart()
    {
        _offset = 0;
        if (BytesServed < minimumSize)
        {
            _current = Records == 0 ? _record : _separatorAndRecord;
            Records++;
        }
        else if (!_ended)
        {
            _current = suffix;
            _ended = true;
        }
        else
        {
            return false;
        }

        return true;
    }
}
