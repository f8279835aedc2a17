using System.Runtime.CompilerServices;
using System.Text;
using PaperFeed.Core.Ingest.AbstractLines;
using PaperFeed.Core.Ingest.AclAnthology;
using PaperFeed.Core.Ingest.ArxivAtom;
using PaperFeed.Core.Ingest.ArxivListing;
using PaperFeed.Core.Ingest.ArxivSnapshot;
using PaperFeed.Core.Ingest.DailyPapers;
using PaperFeed.Core.Ingest.HuggingFace;
using PaperFeed.Core.Ingest.OaiPmh;

namespace PaperFeed.Core.Ingest;

/// <summary>
/// The one entry point from bytes to paper records: undoes gzip, decodes UTF-8, picks the parser (forced by
/// name or recognised from the first KB of text) and streams its entries. Reads forward only and keeps only
/// a chunk of the source in memory, so network streams and multi-GB files are fine.
/// </summary>
public sealed class PaperSourceReader(IEnumerable<IPaperSourceParser> parsers)
{
    private readonly SourceFormatDetector _detector = new(parsers);

    /// <summary>
    /// All built-in parsers. Order is priority: formats that announce themselves in their first bytes (XML
    /// roots, JSON) belong before the daily-papers page, which is plain text known only by its shape.
    /// </summary>
    public static PaperSourceReader Default { get; } = new(
    [
        new ArxivAtomParser(),
        new ArxivListingParser(),
        new OaiPmhParser(),
        new AclAnthologyXmlParser(),
        new ArxivSnapshotParser(),
        new HuggingFacePapersParser(),
        new AbstractLinesParser(),
        new DailyPapersPageParser(),
    ]);

    /// <summary>The format names, in priority order.</summary>
    public IReadOnlyList<string> Formats => _detector.Formats;

    /// <summary>
    /// Streams the entries of one source. A source that cannot be read at all fails with
    /// <see cref="SourceFormatException"/>, possibly after some entries were returned (truncation shows only at
    /// the end). <paramref name="format"/> forces a parser even when it does not recognise the text. The
    /// stream is left open.
    /// </summary>
    public async IAsyncEnumerable<SourceEntry> ReadAsync(
        Stream stream,
        ParseContext context,
        string? format = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);

        IPaperSourceParser? forced = format is null ? null : _detector.Named(format, context.SourceName);
        using SourceText text = await SourceText.OpenAsync(stream, context.SourceName, cancellationToken);
        IPaperSourceParser parser = forced ?? _detector.Detect(text.Head, context.SourceName);

        await using IAsyncEnumerator<SourceEntry> entries = parser.ParseAsync(text.Reader, context, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await entries.MoveNextAsync())
                {
                    break;
                }
            }
            catch (DecoderFallbackException e)
            {
                // Invalid UTF-8 past the head surfaces in whichever read of the parser meets it.
                throw text.NotUtf8(e);
            }

            yield return entries.Current;
        }
    }
}
