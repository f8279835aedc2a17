using System.Text;

namespace PaperFeed.Core.Ingest.HuggingFace;

/// <summary>
/// A <see cref="TextReader"/>'s text as UTF-8 bytes again. Parsers get text from <see cref="PaperSourceReader"/>,
/// but System.Text.Json streams only from bytes; this encodes one chunk of characters at a time, so memory
/// stays flat whatever the length of the text. A limit on the characters read ends the text early, so that
/// the JSON reader fails as on a cut file instead of buffering one endless value.
/// </summary>
internal sealed class Utf8TextStream(TextReader reader) : ReadOnlyStream
{
    private const int ChunkLength = 16 * 1024;

    private readonly char[] _chars = new char[ChunkLength];
    private readonly byte[] _bytes = new byte[Encoding.UTF8.GetMaxByteCount(ChunkLength)];

    // Keeps a surrogate pair that a chunk boundary splits until its second half arrives.
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

    private int _start;
    private int _end;
    private bool _endOfText;
    private long? _limit;

    public long CharactersRead { get; private set; }

    /// <summary>True when the text was ended early by <see cref="LimitTo"/>.</summary>
    public bool LimitReached { get; private set; }

    /// <summary>Lets at most <paramref name="characters"/> more characters be read from the text.</summary>
    public void LimitTo(long characters) => _limit = CharactersRead + characters;

    /// <summary>The first byte that is not JSON whitespace, left unread (the whitespace before it is consumed); null at the end.</summary>
    public async ValueTask<byte?> PeekSignificantByteAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            while (_start < _end && _bytes[_start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                _start++;
            }

            if (_start < _end)
            {
                return _bytes[_start];
            }

            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    public override int Read(Span<byte> buffer)
    {
        while (_start == _end && !_endOfText && !PastLimit())
        {
            Encode(reader.Read(_chars));
        }

        return CopyTo(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _start < _end || await FillAsync(cancellationToken) ? CopyTo(buffer.Span) : 0;

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        while (_start == _end && !_endOfText && !PastLimit())
        {
            Encode(await reader.ReadAsync(_chars, cancellationToken));
        }

        return _start < _end;
    }

    private bool PastLimit()
    {
        LimitReached |= CharactersRead >= _limit;
        return LimitReached;
    }

    private void Encode(int charCount)
    {
        CharactersRead += charCount;
        _endOfText = charCount == 0;
        _start = 0;
        _end = _encoder.GetBytes(_chars.AsSpan(0, charCount), _bytes, flush: _endOfText);
    }

    private int CopyTo(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _end - _start);
        _bytes.AsSpan(_start, count).CopyTo(buffer);
        _start += count;
        return count;
    }
}
