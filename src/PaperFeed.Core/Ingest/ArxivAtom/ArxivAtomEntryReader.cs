using System.Xml;
using PaperFeed.Core.Ingest.Xml;

namespace PaperFeed.Core.Ingest.ArxivAtom;

/// <summary>
/// Reads one <c>&lt;entry&gt;</c> of an arXiv API response into an <see cref="ArxivAtomEntry"/>, whatever the
/// order of its elements (the 2016 and the current API order them differently) and wherever the arxiv
/// namespace is declared (the 2016 API repeated it on every element).
/// </summary>
internal static class ArxivAtomEntryReader
{
    /// <summary>Reads the entry the reader is on and leaves the reader just after it.</summary>
    public static async Task<ArxivAtomEntry> ReadAsync(XmlReader reader)
    {
        var entry = new ArxivAtomEntry();
        await foreach (XmlReader child in XmlElements.ChildElementsAsync(reader))
        {
            await ReadChildAsync(child, entry);
        }

        return entry;
    }

    private static async Task ReadChildAsync(XmlReader child, ArxivAtomEntry entry)
    {
        Task<string> TextAsync() => XmlElements.ReadFieldAsync(child, entry.NoteTooLong);

        switch (child.NamespaceURI, child.LocalName)
        {
            case (XmlNamespaces.Atom, "id"):
                entry.Id = await TextAsync();
                break;
            case (XmlNamespaces.Atom, "title"):
                entry.Title = await TextAsync();
                break;
            case (XmlNamespaces.Atom, "summary"):
                entry.Summary = await TextAsync();
                break;
            case (XmlNamespaces.Atom, "published"):
                entry.Published = await TextAsync();
                break;
            case (XmlNamespaces.Atom, "updated"):
                entry.Updated = await TextAsync();
                break;
            case (XmlNamespaces.Atom, "author"):
                await XmlElements.ReadAtomAuthorAsync(child, entry.Authors, entry.NoteTooLong);
                break;
            case (XmlNamespaces.Atom, "category"):
                entry.Categories.Add(child.GetAttribute("term") ?? "");
                break;
            case (XmlNamespaces.Atom, "link"):
                NoteLink(child, entry);
                break;
            case (XmlNamespaces.Arxiv, "primary_category"):
                entry.PrimaryCategory = child.GetAttribute("term");
                break;
            case (XmlNamespaces.Arxiv, "doi"):
                entry.Doi = await TextAsync();
                break;
            case (XmlNamespaces.Arxiv, "journal_ref"):
                entry.JournalRef = await TextAsync();
                break;
            case (XmlNamespaces.Arxiv, "comment"):
                entry.Comment = await TextAsync();
                break;
            default:
                break; // skipped: elements of other extensions
        }
    }

    // <link rel="alternate" type="text/html"> is the abstract page; the PDF is rel="related" with title="pdf".
    private static void NoteLink(XmlReader link, ArxivAtomEntry entry)
    {
        var href = link.GetAttribute("href");
        if (link.GetAttribute("title") == "pdf" || link.GetAttribute("type") == "application/pdf")
        {
            entry.PdfLink ??= href;
        }
        else if (link.GetAttribute("rel") is null or "alternate")
        {
            entry.AlternateLink ??= href;
        }
    }
}
