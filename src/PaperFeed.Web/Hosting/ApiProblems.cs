using Microsoft.AspNetCore.Http.HttpResults;

namespace PaperFeed.Web.Hosting;

/// <summary>The RFC 7807 answers the API gives to bad input, so that every endpoint words them alike.</summary>
public static class ApiProblems
{
    /// <summary>
    /// 400 for one input: <c>detail</c> says what was wrong and <c>parameter</c> names the query parameter, route
    /// value or header, so that a client can point at the field.
    /// </summary>
    public static ProblemHttpResult InvalidParameter(string parameter, string detail) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid request",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>400 for a page size outside 1 to <paramref name="max"/>; null when it is fine.</summary>
    public static ProblemHttpResult? InvalidLimit(int limit, int max) =>
        limit is < 1 || limit > max ? InvalidParameter("limit", $"limit must be between 1 and {max}.") : null;

    public static ProblemHttpResult PaperNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Paper not found", detail: $"No paper has the id '{id}'.");
}
