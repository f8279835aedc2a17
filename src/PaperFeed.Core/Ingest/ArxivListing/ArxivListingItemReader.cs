using System.Xml;
using PaperFeed.Core.Ingest.Xml;

namespace PaperFeed.Core.Ingest.ArxivListing;

/// <summary>
/// Reads one announcement into an <see cref="ArxivListingItem"/>: an RSS 2.0 <c>&lt;item&gt;</c> (elements
/// without a namespace) or an Atom <c>&lt;entry&gt;</c> of rss.arxiv.org/atom, plus the arxiv and Dublin Core
/// extension elements both share.
/// </summary>
internal static class ArxivListingItemReader
{
    private const string Rss = "";

    /// <summary>Reads the item the reader is on and leaves the reader just after it.</summary>
    public static async Task<ArxivListingItem> ReadAsync(XmlReader reader)
    {
        var item = new ArxivListingItem();
        await foreach (XmlReader child in XmlElements.ChildElementsAsync(reader))
        {
            await ReadChildAsync(child, item);
        }

        return item;
    }

    private static async Task ReadChildAsync(XmlReader child, ArxivListingItem item)
    {
        Task<string> TextAsync() => XmlElements.ReadFieldAsync(child, item.NoteTooLong);

        switch (child.NamespaceURI, child.LocalName)
        {
            case (Rss, "title") or (XmlNamespaces.Atom, "title"):
                item.Title = await TextAsync();
                break;
            case (Rss, "description") or (XmlNamespaces.Atom, "summary"):
                item.Description = await TextAsync();
                break;
            case (Rss, "guid") or (XmlNamespaces.Atom, "id"):
                item.Guid = await TextAsync();
                break;
            case (Rss, "link"):
                item.Link = await TextAsync();
                break;
            case (XmlNamespaces.Atom, "link") when child.GetAttribute("rel") is null or "alternate":
                item.Link ??= child.GetAttribute("href");
                break;
            case (Rss, "category"):
                item.Categories.Add(await TextAsync());
                break;
            case (XmlNamespaces.Atom, "category"):
                item.Categories.Add(child.GetAttribute("term") ?? "");
                break;
            case (Rss, "pubDate") or (XmlNamespaces.Atom, "published"):
                item.PublishedText = await TextAsync();
                break;
            case (XmlNamespaces.Atom, "updated"):
                item.UpdatedText = await TextAsync();
                break;
            case (XmlNamespaces.Arxiv, "announce_type"):
                item.AnnounceType = await TextAsync();
                break;
            case (XmlNamespaces.Arxiv, "DOI"):
                item.Doi = await TextAsync();
                break;
            case (XmlNamespaces.Arxiv, "journal_reference"):
                item.JournalReference = await TextAsync();
                break;
            case (XmlNamespaces.DublinCore, "creator"):
                item.Creators = await TextAsync();
                break;
            case (XmlNamespaces.Atom, "author"):
                await XmlElements.ReadAtomAuthorAsync(child, item.AuthorNames, item.NoteTooLong);
                break;
            default:
                break; // skipped: dc:rights and elements of other extensions
        }
    }
}
