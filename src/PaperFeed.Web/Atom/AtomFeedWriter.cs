using System.Text;
using System.Xml;
using PaperFeed.Core.Latex;
using PaperFeed.Data.Papers;
using PaperFeed.Web.Papers;

namespace PaperFeed.Web.Atom;

/// <summary>What a feed is about: its title, its own URL and the page it mirrors (absolute URLs).</summary>
public sealed record AtomFeedInfo(string Title, string SelfUrl, string PageUrl);

/// <summary>
/// Writes papers as an Atom 1.0 feed (RFC 4287): one entry per paper, its id and alternate link the paper's page
/// here, a related link to arXiv, plain-text title and summary (LaTeX rendered as Unicode text, as the pages do).
/// XmlWriter escapes the text; characters XML 1.0 cannot carry are dropped rather than failing the feed.
/// </summary>
public static class AtomFeedWriter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static byte[] Write(AtomFeedInfo feed, IReadOnlyList<Paper> papers, string siteUrl, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("title", AtomNamespace, feed.Title);
            xml.WriteElementString("id", AtomNamespace, feed.SelfUrl);
            Link(xml, "self", feed.SelfUrl, "application/atom+xml");
            Link(xml, "alternate", feed.PageUrl, "text/html");
            // RFC 4287 §4.1.1: the feed's updated is the latest change of its entries.
            xml.WriteElementString("updated", AtomNamespace, Timestamp(papers.Count > 0 ? papers.Max(p => p.UpdatedAt) : now));
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, "PaperFeed");
            xml.WriteEndElement();
            xml.WriteElementString("generator", AtomNamespace, "PaperFeed");
            foreach (var paper in papers)
            {
                WriteEntry(xml, paper, siteUrl);
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WriteEntry(XmlWriter xml, Paper paper, string siteUrl)
    {
        var dto = paper.ToDto();
        var page = siteUrl + PaperDisplay.PagePath(paper.Id);
        xml.WriteStartElement("entry", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, page);
        Text(xml, "title", LatexText.ToPlainText(paper.Title));
        xml.WriteElementString("updated", AtomNamespace, Timestamp(paper.UpdatedAt));
        if (paper.PublishedAt is { } published)
        {
            xml.WriteElementString("published", AtomNamespace, Timestamp(published));
        }

        foreach (var author in paper.Authors)
        {
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, XmlSafe(author));
            xml.WriteEndElement();
        }

        Link(xml, "alternate", page, "text/html");
        if (PaperDisplay.AbstractUrl(dto) is { } abs)
        {
            Link(xml, "related", abs, "text/html");
        }

        if (PaperDisplay.PdfUrl(dto) is { } pdf)
        {
            Link(xml, "related", pdf, "application/pdf");
        }

        foreach (var category in paper.Categories)
        {
            xml.WriteStartElement("category", AtomNamespace);
            xml.WriteAttributeString("term", XmlSafe(category));
            xml.WriteEndElement();
        }

        Text(xml, "summary", LatexText.ToPlainText(paper.Abstract));
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string element, string text)
    {
        xml.WriteStartElement(element, AtomNamespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(XmlSafe(text));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset at) => XmlConvert.ToString(at.ToUniversalTime().UtcDateTime, XmlDateTimeSerializationMode.Utc);

    private static string XmlSafe(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());
}
