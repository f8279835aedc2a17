using System.Globalization;
using System.Text.RegularExpressions;
using PaperFeed.Data.Search;

namespace PaperFeed.Web.Search;

/// <summary>
/// A search as the REST API and the search page take it, validated: <see cref="Validate"/> fills <c>errors</c>
/// (parameter → messages) instead of returning one.
/// </summary>
public sealed partial record SearchRequest(string Query, SearchMode Mode, SearchFilter Filter, int Limit, int Offset, string Scope)
{
    public static SearchRequest? Validate(
        string? q, string? mode, string? from, string? to, string? category, int? limit, string? cursor,
        Dictionary<string, string[]> errors)
    {
        var query = q?.Trim() ?? "";
        if (query.Length == 0)
        {
            errors["q"] = ["q is required: the words, question, phrase, arXiv id or title to search for."];
        }
        else if (query.Length > SearchApi.MaxQueryLength)
        {
            errors["q"] = [$"q is longer than {SearchApi.MaxQueryLength} characters."];
        }

        var searchMode = SearchMode.Hybrid;
        if (mode is not null && (!Enum.TryParse(mode, ignoreCase: true, out searchMode) || int.TryParse(mode, out _)))
        {
            errors["mode"] = ["mode must be hybrid, lexical or semantic."];
        }

        var fromDay = ParseDay(from, "from", errors);
        var toDay = ParseDay(to, "to", errors);
        if (fromDay > toDay)
        {
            errors["to"] = ["to must not be before from."];
        }

        if (category is not null && !CategoryPattern().IsMatch(category))
        {
            errors["category"] = ["category must look like cs.CL or hep-th (letters, '-', one optional '.' part)."];
        }

        var pageSize = limit ?? SearchApi.DefaultLimit;
        if (pageSize is < 1 or > SearchApi.MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {SearchApi.MaxLimit}."];
        }

        var filter = new SearchFilter(fromDay, toDay, category);
        var scope = SearchCursor.ScopeOf(query, searchMode, fromDay, toDay, category);
        var offset = 0;
        if (cursor is not null && !SearchCursor.TryDecode(cursor, scope, out offset))
        {
            errors["cursor"] = ["cursor is not a nextCursor this API issued for the same query and filters."];
        }
        else if (offset + pageSize > SearchApi.MaxDepth)
        {
            errors["cursor"] = [$"search results can be paged to a depth of {SearchApi.MaxDepth}; refine the query instead."];
        }

        return errors.Count == 0 ? new SearchRequest(query, searchMode, filter, pageSize, offset, scope) : null;
    }

    private static DateOnly? ParseDay(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= 1900 and <= 2999)
        {
            return day;
        }

        errors[name] = [$"{name} must be a date YYYY-MM-DD between 1900 and 2999."];
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z\-]{0,30}(\.[A-Za-z][A-Za-z\-]{0,30})?$")]
    private static partial Regex CategoryPattern();
}
