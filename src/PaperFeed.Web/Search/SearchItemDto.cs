using PaperFeed.Data.Papers;
using PaperFeed.Data.Search;
using PaperFeed.Web.Papers;

namespace PaperFeed.Web.Search;

/// <summary>A paper found by a search: the paper, its score, and where the query matched.</summary>
public sealed record SearchItemDto : PaperDto
{
    private SearchItemDto(PaperDto paper, double score, bool pinned, HighlightsDto highlights)
        : base(paper)
    {
        Score = score;
        Pinned = pinned;
        Highlights = highlights;
    }

    /// <summary>The ranking's score: BM25F (lexical), cosine similarity (semantic) or fused z-score (hybrid).</summary>
    public double Score { get; init; }

    /// <summary>True when the query names this paper outright: its arXiv id, its exact title, or a quoted phrase it contains.</summary>
    public bool Pinned { get; init; }

    public HighlightsDto Highlights { get; init; }

    public static SearchItemDto From(Paper paper, SearchHit hit, SearchResultHighlighter highlighter) =>
        new(paper.ToDto(), Math.Round(hit.Score, 6), hit.Pinned, highlighter.Highlight(paper));
}

/// <summary>The title, and a snippet of the abstract, cut into segments; <c>match</c> marks the words the query matched.</summary>
public sealed record HighlightsDto(IReadOnlyList<TextSegmentDto> Title, IReadOnlyList<TextSegmentDto> Abstract);

public sealed record TextSegmentDto(string Text, bool Match);
