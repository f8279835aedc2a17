namespace PaperFeed.Core.Ingest.OaiPmh;

/// <summary>
/// Passes text through while counting it, and ends it early once a limit is set and passed: the XML reader
/// then fails as on a cut file, and <see cref="LimitReached"/> tells the two apart. This bounds the memory one
/// record may take without reading each field by hand.
/// </summary>
internal sealed class CountingTextReader(TextReader inner) : TextReader
{
    private long? _limit;

    public long CharactersRead { get; private set; }

    public bool LimitReached { get; private set; }

    /// <summary>Lets at most <paramref name="characters"/> more characters through, until <see cref="RemoveLimit"/>.</summary>
    public void LimitTo(long characters) => _limit = CharactersRead + characters;

    public void RemoveLimit() => _limit = null;

    public override int Peek() => AtLimit() ? -1 : inner.Peek();

    public override int Read()
    {
        if (AtLimit())
        {
            return -1;
        }

        var c = inner.Read();
        CharactersRead += c < 0 ? 0 : 1;
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer) => AtLimit() ? 0 : Counted(inner.Read(buffer));

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        AtLimit() ? 0 : Counted(await inner.ReadAsync(buffer, cancellationToken));

    private bool AtLimit()
    {
        LimitReached |= CharactersRead >= _limit;
        return LimitReached;
    }

    private int Counted(int read)
    {
        CharactersRead += read;
        return read;
    }
}
