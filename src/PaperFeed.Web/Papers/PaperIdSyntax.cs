using PaperFeed.Core.Papers;

namespace PaperFeed.Web.Papers;

/// <summary>
/// What a paper id in a URL may look like: a PaperFeed id (<c>2301.00001</c>, <c>hep-th_9901001</c>,
/// <c>pf-</c> and 16 hex digits) or any form of arXiv id <see cref="ArxivId"/> reads (<c>arXiv:2301.00001v2</c>).
/// Anything else cannot name a paper and is answered 400 rather than 404.
/// </summary>
public static class PaperIdSyntax
{
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="id"/> cannot be a paper id; null when it can.</summary>
    public static string? ProblemWith(string id)
    {
        if (id.Length > MaxLength)
        {
            return $"id is longer than {MaxLength} characters.";
        }

        return id.Length > 0 && (id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') || ArxivId.TryParse(id, out _))
            ? null
            : "id must be a PaperFeed id (such as 2301.00001 or pf-0123456789abcdef) or an arXiv id.";
    }
}
