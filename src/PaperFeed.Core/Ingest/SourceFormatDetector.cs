namespace PaperFeed.Core.Ingest;

/// <summary>
/// Chooses the parser for a source: the one named by <c>--format</c>, or else the first, in priority order,
/// that recognises the head of the text.
/// </summary>
internal sealed class SourceFormatDetector
{
    private readonly IReadOnlyList<IPaperSourceParser> _parsers;

    public SourceFormatDetector(IEnumerable<IPaperSourceParser> parsersInPriorityOrder)
    {
        ArgumentNullException.ThrowIfNull(parsersInPriorityOrder);
        _parsers = [.. parsersInPriorityOrder];
        if (_parsers.Count == 0 || _parsers.Any(parser => parser is null))
        {
            throw new ArgumentException("At least one parser, and no null ones, are needed.", nameof(parsersInPriorityOrder));
        }

        Formats = [.. _parsers.Select(parser => parser.Format)];
        var duplicate = Formats.GroupBy(format => format, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two parsers claim the format \"{duplicate}\".", nameof(parsersInPriorityOrder));
        }
    }

    public IReadOnlyList<string> Formats { get; }

    public IPaperSourceParser Named(string format, string sourceName) =>
        _parsers.FirstOrDefault(parser => string.Equals(parser.Format, format.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new SourceFormatException(sourceName, null, $"unknown format \"{format}\" (known: {KnownFormats})");

    public IPaperSourceParser Detect(string head, string sourceName) =>
        _parsers.FirstOrDefault(parser => parser.Recognizes(head))
        ?? throw new SourceFormatException(sourceName, null, $"unrecognised format (known: {KnownFormats})");

    private string KnownFormats => string.Join(", ", Formats);
}
