namespace PaperFeed.SemanticEval;

internal static class SearchEvaluation
{
    public static Task<int> RunAsync(string connectionString, string queriesPath, Dictionary<string, string> options) =>
        throw new NotImplementedException();
}
