using PaperFeed.Core.Search;
using PaperFeed.Data.Papers;

namespace PaperFeed.Web.Search;

/// <summary>Highlights of one query over its results: the whole title, and a snippet of the abstract.</summary>
public sealed class SearchResultHighlighter(string query)
{
    private readonly SearchHighlighter _highlighter = SearchHighlighter.For(query);

    public HighlightsDto Highlight(Paper paper) =>
        new(ToDto(_highlighter.Highlight(paper.Title)), ToDto(_highlighter.Snippet(paper.Abstract)));

    private static List<TextSegmentDto> ToDto(IReadOnlyList<HighlightSegment> segments) =>
        segments.Select(s => new TextSegmentDto(s.Text, s.Match)).ToList();
}
