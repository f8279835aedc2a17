namespace PaperFeed.SearchEvaluation;

/// <summary>The search evaluation behind <c>./paperfeed eval-search</c>; see <see cref="EvaluationCommand"/>.</summary>
internal static class SearchEvaluationProgram
{
    public static Task<int> Main(string[] args) => EvaluationCommand.Create().Parse(args).InvokeAsync();
}
