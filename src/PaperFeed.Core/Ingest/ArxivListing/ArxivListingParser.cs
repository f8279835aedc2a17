using System.Runtime.CompilerServices;
using System.Xml;
using PaperFeed.Core.Ingest.Xml;

namespace PaperFeed.Core.Ingest.ArxivListing;

/// <summary>
/// arXiv's daily listing feeds (https://rss.arxiv.org/rss/cs.CL and https://rss.arxiv.org/atom/cs.CL): one
/// item per announcement of the day, new papers, cross-lists and replacements alike
/// (https://info.arxiv.org/help/rss_specifications.html). On weekends and holidays the feed is a valid
/// channel without items and yields nothing; a bad category is answered with a channel titled "Feed error
/// for query: …", which fails the source with arXiv's message.
/// </summary>
public sealed class ArxivListingParser : IPaperSourceParser
{
    public const string FormatName = "arxiv-listing-feed";

    private const string ErrorTitlePrefix = "Feed error for query";

    public string Format => FormatName;

    /// <summary>
    /// An RSS 2.0 channel whose link is on arxiv.org (rss.arxiv.org, or export.arxiv.org/rss before 2024), or
    /// an Atom feed whose own id or link is a listing address (rss.arxiv.org, arxiv.org/rss) and not an API one.
    /// </summary>
    public bool Recognizes(string head)
    {
        XmlFeedHead? feed = XmlFeedHead.Read(head);
        if (feed is null)
        {
            return false;
        }

        return (feed.IsRss && feed.HasAddressOn("arxiv.org"))
            || (feed.IsAtomFeed
                && (feed.HasAddressOn("rss.arxiv.org") || feed.HasAddressContaining("arxiv.org/rss"))
                && !feed.Namespaces.Contains(XmlNamespaces.OpenSearch));
    }

    public IAsyncEnumerable<SourceEntry> ParseAsync(TextReader reader, ParseContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);
        var sourceName = context.SourceName;
        return XmlSource.ReadEntriesAsync(reader, sourceName, (xml, ct) => EntriesAsync(xml, sourceName, ct), cancellationToken);
    }

    private static async IAsyncEnumerable<SourceEntry> EntriesAsync(
        XmlReader reader,
        string sourceName,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await XmlElements.MoveToRootAsync(reader);
        if (reader.Is("feed", XmlNamespaces.Atom))
        {
            await foreach (SourceEntry entry in AnnouncementsAsync(reader, sourceName, cancellationToken))
            {
                yield return entry;
            }
        }
        else if (reader.Is("rss", ""))
        {
            await foreach (XmlReader child in XmlElements.ChildElementsAsync(reader))
            {
                if (child.Is("channel", ""))
                {
                    await foreach (SourceEntry entry in AnnouncementsAsync(child, sourceName, cancellationToken))
                    {
                        yield return entry;
                    }
                }
            }
        }
        else
        {
            throw new SourceFormatException(sourceName, XmlSource.PositionOf(reader), $"not an arXiv listing feed (root element <{reader.Name}>, not <rss> or an Atom <feed>)");
        }

        // Whatever follows the root must still be well-formed (comments, nothing else).
        while (await reader.ReadAsync())
        {
        }
    }

    /// <summary>The items of an RSS channel or the entries of an Atom feed, after checking it is not an error.</summary>
    private static async IAsyncEnumerable<SourceEntry> AnnouncementsAsync(
        XmlReader channel,
        string sourceName,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var heading = new ChannelHeading();
        long number = 0;
        await foreach (XmlReader child in XmlElements.ChildElementsAsync(channel))
        {
            if (child.Is("item", "") || child.Is("entry", XmlNamespaces.Atom))
            {
                cancellationToken.ThrowIfCancellationRequested();
                heading.ThrowIfError(sourceName);
                var position = new SourcePosition(Line: XmlSource.LineOf(child), Entry: ++number);
                ArxivListingItem item = await ArxivListingItemReader.ReadAsync(child);
                yield return item.ToEntry(position);
            }
            else if (child.Is("title", "") || child.Is("title", XmlNamespaces.Atom))
            {
                heading.TitleLine = XmlSource.LineOf(child);
                heading.Title = (await XmlElements.ReadTextAsync(child)).Text;
            }
            else if (child.Is("description", "") || child.Is("subtitle", XmlNamespaces.Atom))
            {
                heading.Description = (await XmlElements.ReadTextAsync(child)).Text;
            }
        }

        heading.ThrowIfError(sourceName);
    }

    /// <summary>The channel's title and description, which say whether the feed is arXiv's error answer.</summary>
    private sealed class ChannelHeading
    {
        public string? Title { get; set; }

        public long? TitleLine { get; set; }

        public string? Description { get; set; }

        public void ThrowIfError(string sourceName)
        {
            if (Title is not null && Title.TrimStart().StartsWith(ErrorTitlePrefix, StringComparison.OrdinalIgnoreCase))
            {
                var message = Papers.TextNormalizer.Normalize(Description) is { Length: > 0 } text ? text : Papers.TextNormalizer.Normalize(Title);
                throw new SourceFormatException(sourceName, new SourcePosition(Line: TitleLine), $"arXiv feed error: {message}");
            }
        }
    }
}
