using System.CommandLine;
using PaperFeed.SearchEvaluation.Evaluation;
using PaperFeed.SearchEvaluation.Instance;

namespace PaperFeed.SearchEvaluation;

/// <summary>The command line of <c>./paperfeed eval-search</c>: options in, an <see cref="EvaluationRun"/> out.</summary>
internal static class EvaluationCommand
{
    public static RootCommand Create()
    {
        var url = new Option<Uri>("--url")
        {
            Description = $"The running PaperFeed to evaluate (default: $PAPERFEED_URL, else {EvaluationOptions.DefaultUrl}).",
            DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("PAPERFEED_URL") is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : EvaluationOptions.DefaultUrl),
            CustomParser = result => Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed
                : Invalid<Uri>(result, $"--url must be an http(s) URL, such as {EvaluationOptions.DefaultUrl}"),
        };
        var queries = new Option<string[]>("--queries")
        {
            Description = "Known-item query files (query<TAB>title=Title per line). Default, when neither --queries nor "
                + $"--judgments is given: {string.Join(" ", EvaluationOptions.DefaultQueryFiles)} and {EvaluationOptions.DefaultJudgmentsFile}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var judgments = new Option<string?>("--judgments")
        {
            Description = "Similar-paper judgments (title=Anchor<TAB>title=Related per line).",
        };
        var modes = new Option<string[]>("--modes")
        {
            Description = $"Search modes of the instance to evaluate (default: {string.Join(" ", InstanceSearch.Modes)}).",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [.. InstanceSearch.Modes],
        };
        modes.Validators.Add(result =>
        {
            foreach (var mode in result.Tokens.Select(t => t.Value).Where(m => !InstanceSearch.Modes.Contains(m)))
            {
                result.AddError($"unknown mode '{mode}': choose from {string.Join(", ", InstanceSearch.Modes)}");
            }
        });
        var papersFrom = new Option<string[]>("--papers-from")
        {
            Description = "Read the papers from these source files or directories (as ./paperfeed ingest would) instead of "
                + "an instance, and run only the reference methods.",
            AllowMultipleArgumentsPerToken = true,
        };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the tables as Markdown to this file." };
        var perQuery = new Option<string?>("--per-query") { Description = "Also write each query's rank per method to this TSV file." };

        var command = new RootCommand(
            "Measures a running PaperFeed's search (MRR@10, Recall@10, latency per mode) and similar papers (precision@5) "
            + "on benchmark files, next to reference methods computed here on the same papers: plain BM25 and "
            + "arxiv-sanity-lite's TF-IDF.")
        {
            url, queries, judgments, modes, papersFrom, markdown, perQuery,
        };
        command.SetAction((parse, cancellationToken) => EvaluationRun.RunAsync(
            new EvaluationOptions
            {
                InstanceUrl = parse.GetRequiredValue(url),
                QueryFiles = parse.GetValue(queries) ?? [],
                JudgmentsFile = parse.GetValue(judgments),
                Modes = parse.GetRequiredValue(modes).Distinct().ToList(),
                PapersFrom = parse.GetValue(papersFrom) ?? [],
                MarkdownFile = parse.GetValue(markdown),
                PerQueryFile = parse.GetValue(perQuery),
            },
            Console.Out,
            Console.Error,
            cancellationToken));
        return command;
    }

    private static T Invalid<T>(System.CommandLine.Parsing.ArgumentResult result, string error)
    {
        result.AddError(error);
        return default!;
    }
}
