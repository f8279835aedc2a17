using System.Text;

namespace PaperFeed.Core.Ingest.ArxivSnapshot;

/// <summary>
/// Reads JSON Lines text one line at a time into a reused UTF-8 buffer, so that a multi-GB snapshot is parsed
/// with <see cref="System.Text.Json.Utf8JsonReader"/> without a string per line. Lines end at <c>\n</c> (a
/// <c>\r</c> before it is dropped); JSON has no raw line breaks inside a value, so no other break can occur.
/// </summary>
internal sealed class Utf8LineReader(TextReader reader, string sourceName)
{
    private const int ChunkLength = 64 * 1024;

    private char[] _chars = new char[ChunkLength];
    private byte[] _bytes = new byte[3 * ChunkLength];
    private int _start;
    private int _end;
    private bool _endOfText;

    /// <summary>1-based number of the current line.</summary>
    public long Number { get; private set; }

    /// <summary>False only for a last line that stops without a line break, which can mean the file was cut.</summary>
    public bool EndsWithLineBreak { get; private set; }

    /// <summary>The current line in UTF-8, without its line break; valid until the next read.</summary>
    public ReadOnlySpan<byte> Utf8 => _bytes.AsSpan(0, Utf8Length);

    private int Utf8Length { get; set; }

    public async ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken)
    {
        var searchFrom = _start;
        while (true)
        {
            var lineFeed = _chars.AsSpan(searchFrom, _end - searchFrom).IndexOf('\n');
            if (lineFeed >= 0)
            {
                var end = searchFrom + lineFeed;
                SetLine(_start, end, endsWithLineBreak: true);
                _start = end + 1;
                return true;
            }

            if (_endOfText)
            {
                if (_start == _end)
                {
                    return false;
                }

                SetLine(_start, _end, endsWithLineBreak: false);
                _start = _end;
                return true;
            }

            searchFrom = _end - _start;
            await FillAsync(cancellationToken);
        }
    }

    // Moves the unfinished line to the front of the buffer (growing it for a long line) and reads after it.
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        var pending = _end - _start;
        if (pending > SourceLines.MaxLineLength)
        {
            throw new SourceFormatException(sourceName, new SourcePosition(Line: Number + 1), $"line longer than {SourceLines.MaxLineLength} characters");
        }

        if (_chars.Length - pending < ChunkLength / 2)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars.AsSpan(_start, pending).CopyTo(_chars);
        _start = 0;
        _end = pending;
        var read = await reader.ReadAsync(_chars.AsMemory(_end), cancellationToken);
        _end += read;
        _endOfText = read == 0;
    }

    private void SetLine(int start, int end, bool endsWithLineBreak)
    {
        if (end > start && _chars[end - 1] == '\r')
        {
            end--;
        }

        ReadOnlySpan<char> line = _chars.AsSpan(start, end - start);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(line.Length);
        if (_bytes.Length < maxBytes)
        {
            _bytes = new byte[maxBytes];
        }

        Utf8Length = Encoding.UTF8.GetBytes(line, _bytes);
        EndsWithLineBreak = endsWithLineBreak;
        Number++;
    }
}
