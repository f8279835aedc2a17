namespace PaperFeed.Core.Ingest.ArxivSnapshot;

/// <summary>
/// Author display names ("First Last"). The snapshot has them twice: <c>authors_parsed</c>, arXiv's own split
/// into [last, first, suffix], with TeX accents already turned into letters ("Balázs"), read here; and the
/// <c>authors</c> string as submitted ("C. Bal\'azs, E. L. Berger and P. M. Nadolsky"), used when the first is
/// missing and split by <see cref="ArxivAuthors.SplitTyped"/>.
/// </summary>
internal static class SnapshotAuthors
{
    /// <summary>"First Last Suffix" from arXiv's parts; null when there is no name at all.</summary>
    public static string? DisplayName(ReadOnlySpan<char> last, ReadOnlySpan<char> first, ReadOnlySpan<char> suffix)
    {
        var capacity = last.Length + first.Length + suffix.Length + 2;
        Span<char> name = capacity <= 256 ? stackalloc char[capacity] : new char[capacity];
        var length = 0;
        Append(name, ref length, first);
        Append(name, ref length, last);
        Append(name, ref length, suffix);
        if (length == 0)
        {
            return null;
        }

        // Line breaks, tabs or entities inside a part are rare, but names get TextNormalizer's treatment too.
        var display = CollapsedText.Normalize(name[..length]);

        // arXiv's parser spaces out hyphenated initials: "C.-P. Yuan" comes back as first name "C. -P.".
        return display.Replace(". -", ".-", StringComparison.Ordinal);
    }

    private static void Append(Span<char> name, ref int length, ReadOnlySpan<char> part)
    {
        part = part.Trim();
        if (part.IsEmpty)
        {
            return;
        }

        if (length > 0)
        {
            name[length++] = ' ';
        }

        part.CopyTo(name[length..]);
        length += part.Length;
    }
}
