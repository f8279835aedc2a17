using Microsoft.AspNetCore.Http.HttpResults;

namespace PaperFeed.Web.HuggingFace;

/// <summary>
/// Errors of the Hugging Face-compatible API: RFC 7807 problem details like the rest of PaperFeed, plus the member
/// huggingface.co answers with, <c>{"error": "..."}</c>. huggingface_hub's <c>hf_raise_for_status</c> reads that
/// member (whatever the content type) into the message of the exception it raises, as other HF clients print it.
/// </summary>
public static class HfProblems
{
    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Paper not found", detail);

    /// <summary>A request this PaperFeed cannot answer yet (a ranking not wired in).</summary>
    public static ProblemHttpResult NotSupportedYet(string detail) => Problem(StatusCodes.Status400BadRequest, "Not supported yet", detail);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["error"] = detail });
}
