namespace PaperFeed.Core.Tests.Ingest.ArxivSnapshot;

/// <summary>
/// A snapshot of any size, made up while it is read: the sample fixture's lines over and over (ids repeat,
/// which the parser does not mind), so a test can stream far more than it could hold.
/// </summary>
internal sealed class GeneratedSnapshotStream(long minimumSize) : Stream
{
    private static readonly byte[] Lines = SampleFiles.Fixture(SnapshotReading.Sample);

    private int _offset;

    public long BytesServed { get; private set; }

    public long Repetitions { get; private set; }

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
        if (_offset == Lines.Length)
        {
            if (BytesServed >= minimumSize)
            {
                return 0;
            }

            _offset = 0;
        }

        if (_offset == 0)
        {
            Repetitions++;
        }

        var count = Math.Min(buffer.Length, Lines.Length - _offset);
        Lines.AsSpan(_offset, count).CopyTo(buffer);
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
