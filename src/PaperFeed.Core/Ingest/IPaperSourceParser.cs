using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest;

/// <summary>
/// One parser per source format (the daily-papers page text, the arXiv snapshot, Atom, OAI-PMH, ...), all
/// behind this interface so that <see cref="PaperSourceReader"/> can choose one from a file's content.
/// </summary>
public interface IPaperSourceParser
{
    /// <summary>The format's name as <c>--format NAME</c> spells it, e.g. <c>daily-papers-page</c>.</summary>
    string Format { get; }

    /// <summary>True when the start of a file (decoded text, up to a few KB) looks like this format.</summary>
    bool Recognizes(string head);

    /// <summary>
    /// Streams the records of one source. A record that is malformed comes back as a
    /// <see cref="SourceEntry"/> with a <see cref="SourceEntry.Rejection"/>, and parsing goes on; a source that
    /// cannot be read at all (truncated, not text, not this format, no papers) throws
    /// <see cref="SourceFormatException"/> before or while streaming.
    /// </summary>
    IAsyncEnumerable<SourceEntry> ParseAsync(TextReader reader, ParseContext context, CancellationToken cancellationToken = default);
}

/// <summary>What a parser needs to know beyond the text itself.</summary>
/// <param name="SourceName">The file path or URL, used in error messages and rejected-record rows.</param>
/// <param name="Today">
/// The day of the ingest, in UTC. Sources such as the daily-papers page print dates without a year, which
/// are resolved against it.
/// </param>
public sealed record ParseContext(string SourceName, DateOnly Today);

/// <summary>Where in a source a record was found: a line, a byte offset or an entry number, whichever the format has.</summary>
public sealed record SourcePosition(long? Line = null, long? ByteOffset = null, long? Entry = null)
{
    public override string ToString() =>
        Line is { } line ? $"line {line}"
        : ByteOffset is { } offset ? $"byte {offset}"
        : Entry is { } entry ? $"entry {entry}"
        : "unknown position";
}

/// <summary>A parsed record, or the reason it could not be parsed; exactly one of the two is set.</summary>
public sealed record SourceEntry(SourcePosition Position, PaperRecord? Paper, string? Rejection)
{
    public static SourceEntry Accepted(SourcePosition position, PaperRecord paper) => new(position, paper, null);

    public static SourceEntry Rejected(SourcePosition position, string reason) => new(position, null, reason);
}

/// <summary>A source that cannot be read at all. The message names the source, the position and the reason.</summary>
public sealed class SourceFormatException : Exception
{
    public SourceFormatException(string sourceName, SourcePosition? position, string reason)
        : base(position is null ? $"{sourceName}: {reason}" : $"{sourceName}, {position}: {reason}")
    {
        SourceName = sourceName;
        Position = position;
        Reason = reason;
    }

    public SourceFormatException()
    {
        SourceName = "";
        Reason = "";
    }

    public SourceFormatException(string message) : base(message)
    {
        SourceName = "";
        Reason = message;
    }

    public SourceFormatException(string message, Exception innerException) : base(message, innerException)
    {
        SourceName = "";
        Reason = message;
    }

    public string SourceName { get; }

    public SourcePosition? Position { get; }

    public string Reason { get; }
}
