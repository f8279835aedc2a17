using Microsoft.AspNetCore.Html;
using PaperFeed.Core.Latex;
using PaperFeed.Core.Search;

namespace PaperFeed.Web.Papers;

/// <summary>
/// Titles and abstracts as HTML: <see cref="LatexText"/> runs in <c>strong</c>, <c>em</c>, <c>code</c>,
/// <c>sup</c>, <c>sub</c>; every character of the text itself is HTML-encoded, so ingested markup stays text.
/// </summary>
public static class LatexHtml
{
    public static IHtmlContent Render(string latex) => Render(LatexText.Parse(latex));

    /// <summary>The first lines of a text: about <paramref name="maxChars"/> characters, cut at a word.</summary>
    public static IHtmlContent Excerpt(string latex, int maxChars) => Render(LatexText.Truncate(LatexText.Parse(latex), maxChars));

    public static IHtmlContent Render(IReadOnlyList<LatexRun> runs)
    {
        var html = new HtmlContentBuilder();
        foreach (var run in runs)
        {
            var tags = TagsOf(run.Style);
            foreach (var tag in tags)
            {
                html.AppendHtml(tag.Open);
            }

            html.Append(run.Text);
            for (var i = tags.Count - 1; i >= 0; i--)
            {
                html.AppendHtml(tags[i].Close);
            }
        }

        return html;
    }

    /// <summary>Search highlights (over the plain-text rendering) with the query's words in <c>mark</c>.</summary>
    public static IHtmlContent Highlighted(IReadOnlyList<HighlightSegment> segments)
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in segments)
        {
            if (segment.Match)
            {
                html.AppendHtml("<mark>").Append(segment.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(segment.Text);
            }
        }

        return html;
    }

    private static List<(string Open, string Close)> TagsOf(LatexStyle style)
    {
        var tags = new List<(string, string)>();
        if (style.HasFlag(LatexStyle.Math))
        {
            tags.Add(("<span class=\"math\">", "</span>"));
        }

        if (style.HasFlag(LatexStyle.Bold))
        {
            tags.Add(("<strong>", "</strong>"));
        }

        if (style.HasFlag(LatexStyle.Italic))
        {
            tags.Add(("<em>", "</em>"));
        }

        if (style.HasFlag(LatexStyle.Monospace))
        {
            tags.Add(("<code>", "</code>"));
        }

        if (style.HasFlag(LatexStyle.Superscript))
        {
            tags.Add(("<sup>", "</sup>"));
        }
        else if (style.HasFlag(LatexStyle.Subscript))
        {
            tags.Add(("<sub>", "</sub>"));
        }

        return tags;
    }
}
