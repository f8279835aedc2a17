using System.Globalization;
using System.Text;
using PaperFeed.Core.Papers;
using PaperFeed.Data.Papers;

namespace PaperFeed.Web.HuggingFace;

/// <summary>
/// A paper page as Markdown (<c>GET /papers/{id}.md</c>), for huggingface_hub's <c>read_paper</c> / <c>hf papers
/// read</c> and for language-model tools: title, authors, dates, links, abstract. huggingface.co renders the paper's
/// full text from arXiv's HTML version; PaperFeed holds no full texts, so the page stops at the abstract and links
/// to arXiv for the rest.
/// </summary>
public static class PaperMarkdown
{
    public static string Render(Paper paper, string siteUrl)
    {
        ArgumentNullException.ThrowIfNull(paper);
        HfPaper hf = paper.ToHfPaper(siteUrl);
        var markdown = new StringBuilder();
        markdown.Append("# ").AppendLine(OneLine(hf.Title)).AppendLine();
        if (hf.Authors.Count > 0)
        {
            markdown.Append("**Authors:** ").AppendJoin(", ", hf.Authors.Select(a => OneLine(a.Name))).AppendLine().AppendLine();
        }

        markdown.Append("**Published:** ").Append(hf.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append(" · **Upvotes:** ").Append(hf.Upvotes.ToString(CultureInfo.InvariantCulture));
        if (paper.Categories.Count > 0)
        {
            markdown.Append(" · **Categories:** ").AppendJoin(", ", paper.Categories);
        }

        markdown.AppendLine().AppendLine();
        markdown.AppendLine("## Links").AppendLine();
        var arxivId = paper.ArxivId is { } id && ArxivId.TryParse(id, out ArxivId parsed) ? parsed : (ArxivId?)null;
        if ((arxivId?.AbsUrl ?? paper.Url) is { } page)
        {
            markdown.Append(arxivId is null ? "- Paper: <" : "- arXiv: <").Append(page).AppendLine(">");
        }

        if ((arxivId?.PdfUrl ?? paper.PdfUrl) is { } pdf)
        {
            markdown.Append("- PDF: <").Append(pdf).AppendLine(">");
        }

        markdown.Append("- Metadata (JSON): <").Append(siteUrl).Append("/api/papers/").Append(hf.Id).AppendLine(">").AppendLine();
        markdown.AppendLine("## Abstract").AppendLine();
        markdown.AppendLine(hf.Summary);
        return markdown.ToString();
    }

    // Titles and names are stored on one line already; a stray line break must still not end the heading.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
