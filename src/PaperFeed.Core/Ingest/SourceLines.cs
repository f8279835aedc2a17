using System.Runtime.CompilerServices;
using System.Text;

namespace PaperFeed.Core.Ingest;

/// <summary>One line of a text source, without its line break.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="EndsWithLineBreak">False only for a last line that stops without one, which can mean the file was cut.</param>
internal readonly record struct SourceLine(long Number, string Text, bool EndsWithLineBreak);

/// <summary>
/// Splits text into lines at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, like <see cref="TextReader.ReadLine"/>, but
/// also tells whether the last line ended with a break, and refuses a line too long to hold in memory.
/// </summary>
internal static class SourceLines
{
    // A 5 MB abstract is odd but readable; a line of gigabytes is not text meant for this reader.
    public const int MaxLineLength = 32 * 1024 * 1024;

    public static async IAsyncEnumerable<SourceLine> ReadAsync(
        TextReader reader,
        string sourceName,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new char[16 * 1024];
        var line = new StringBuilder();
        long number = 1;
        var skipLineFeed = false; // the previous chunk ended with \r, and a \n right after it belongs to it
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = skipLineFeed && buffer[0] == '\n' ? 1 : 0;
            skipLineFeed = false;
            int lineBreak;
            while ((lineBreak = buffer.AsSpan(start, read - start).IndexOfAny('\r', '\n')) >= 0)
            {
                var end = start + lineBreak;
                Append(line, buffer.AsSpan(start, end - start), number, sourceName);
                yield return new SourceLine(number++, line.ToString(), EndsWithLineBreak: true);
                line.Clear();

                start = end + 1;
                if (buffer[end] == '\r')
                {
                    if (start == read)
                    {
                        skipLineFeed = true;
                    }
                    else if (buffer[start] == '\n')
                    {
                        start++;
                    }
                }
            }

            Append(line, buffer.AsSpan(start, read - start), number, sourceName);
        }

        if (line.Length > 0)
        {
            yield return new SourceLine(number, line.ToString(), EndsWithLineBreak: false);
        }
    }

    private static void Append(StringBuilder line, ReadOnlySpan<char> text, long number, string sourceName)
    {
        if (line.Length + text.Length > MaxLineLength)
        {
            throw new SourceFormatException(sourceName, new SourcePosition(Line: number), $"line longer than {MaxLineLength} characters");
        }

        line.Append(text);
    }
}
