using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.AclAnthology;

/// <summary>
/// Passes a text through and remembers whether it was read to its end and how it ended, so that an XML error
/// can be told apart as a file cut short. Does not own the inner reader.
/// </summary>
internal sealed class TextEndReader(TextReader inner) : TextReader
{
    // Enough for an end tag and some trailing whitespace.
    private const int TailLength = 256;

    private readonly char[] _tail = new char[TailLength];
    private int _tailLength;

    public bool ReachedEnd { get; private set; }

    /// <summary>Whether the last characters read match <paramref name="ending"/> (anchored with <c>\z</c>).</summary>
    public bool EndsWith(Regex ending) => ending.IsMatch(_tail.AsSpan(0, _tailLength));

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c < 0)
        {
            ReachedEnd = true;
        }
        else
        {
            Remember([(char)c]);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer) => Remember(buffer, inner.Read(buffer));

    public override Task<int> ReadAsync(char[] buffer, int index, int count) =>
        ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Remember(buffer.Span, read);
    }

    private int Remember(Span<char> buffer, int read)
    {
        if (read == 0 && buffer.Length > 0)
        {
            ReachedEnd = true;
        }

        Remember(buffer[..read]);
        return read;
    }

    private void Remember(ReadOnlySpan<char> read)
    {
        if (read.Length >= TailLength)
        {
            read[^TailLength..].CopyTo(_tail);
            _tailLength = TailLength;
            return;
        }

        var kept = Math.Min(_tailLength, TailLength - read.Length);
        _tail.AsSpan(_tailLength - kept, kept).CopyTo(_tail);
        read.CopyTo(_tail.AsSpan(kept));
        _tailLength = kept + read.Length;
    }
}
