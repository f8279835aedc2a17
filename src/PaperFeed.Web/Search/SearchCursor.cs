using System.Globalization;
using PaperFeed.Data.Paging;

namespace PaperFeed.Web.Search;

/// <summary>
/// Where the next page of a search starts: an offset into the ranking, sealed (<see cref="SealedCursor"/>) with the
/// parameters that define the ranking, so that a cursor replayed with another query is refused rather than silently
/// skipping results.
/// </summary>
public static class SearchCursor
{
    public static string Encode(int offset, string scope) =>
        SealedCursor.Seal(scope, offset.ToString(CultureInfo.InvariantCulture));

    public static bool TryDecode(string cursor, string scope, out int offset)
    {
        offset = 0;
        return SealedCursor.TryOpen(scope, cursor, out var payload)
            && int.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }

    /// <summary>The scope of a ranking: everything that defines it.</summary>
    public static string ScopeOf(params object?[] parameters) =>
        "search:" + string.Join('\u001f', parameters.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
}
