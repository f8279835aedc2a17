using Cronos;
using Microsoft.Extensions.Options;
using PaperFeed.Worker.Ingest.Live;

namespace PaperFeed.Worker.Ingest;

/// <summary>Checks every scheduled source at start-up, naming the setting that is wrong and what it should be.</summary>
internal sealed class ScheduledIngestOptionsValidator : IValidateOptions<ScheduledIngestOptions>
{
    private static readonly string[] SortFields = ["submittedDate", "lastUpdatedDate", "relevance"];
    private static readonly string[] SortOrders = ["descending", "ascending"];

    public ValidateOptionsResult Validate(string? name, ScheduledIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Sources
            .SelectMany((source, index) => Problems(source).Select(problem => $"{ScheduledIngestOptions.Section}:Sources:{index}: {problem}"))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Problems(ScheduledSource source)
    {
        if (!CronExpression.TryParse(source.Cron, out _))
        {
            yield return $"Cron '{source.Cron}' is not a five-field cron expression (e.g. '0 6 * * *').";
        }

        var problems = source.Kind switch
        {
            ScheduledSourceKind.File => FileProblems(source),
            ScheduledSourceKind.ArxivApi => ArxivApiProblems(source),
            ScheduledSourceKind.ArxivOai => ArxivOaiProblems(source),
            ScheduledSourceKind.ArxivRss => ArxivRssProblems(source),
            ScheduledSourceKind.HuggingFaceDailyPapers => HuggingFaceProblems(source),
            _ => [$"Kind '{source.Kind}' is none of {string.Join(", ", ScheduledSourceKind.All)}."],
        };
        foreach (var problem in problems)
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> FileProblems(ScheduledSource source)
    {
        if (string.IsNullOrWhiteSpace(source.Path))
        {
            yield return "Path (a file or a directory) is required.";
        }
    }

    private static IEnumerable<string> ArxivApiProblems(ScheduledSource source)
    {
        if (string.IsNullOrWhiteSpace(source.Query))
        {
            yield return "Query (the API's search_query, e.g. 'cat:cs.CL') is required.";
        }

        if (!SortFields.Contains(source.SortBy, StringComparer.Ordinal))
        {
            yield return $"SortBy must be one of {string.Join(", ", SortFields)}.";
        }

        if (!SortOrders.Contains(source.SortOrder, StringComparer.Ordinal))
        {
            yield return $"SortOrder must be one of {string.Join(", ", SortOrders)}.";
        }

        if (source.PageSize is < 1 or > ArxivApiQuery.MaxPageSize)
        {
            yield return $"PageSize must be between 1 and {ArxivApiQuery.MaxPageSize}.";
        }

        if (source.MaxResults < 1)
        {
            yield return "MaxResults must be at least 1.";
        }
    }

    private static IEnumerable<string> ArxivOaiProblems(ScheduledSource source)
    {
        if (!OaiHarvestRequest.MetadataPrefixes.Contains(source.MetadataPrefix, StringComparer.Ordinal))
        {
            yield return $"MetadataPrefix must be one of {string.Join(", ", OaiHarvestRequest.MetadataPrefixes)}.";
        }

        if (source.From > source.Until)
        {
            yield return "From must not be after Until.";
        }
    }

    private static IEnumerable<string> ArxivRssProblems(ScheduledSource source)
    {
        if (source.Categories.Count == 0 || source.Categories.Any(string.IsNullOrWhiteSpace))
        {
            yield return "Categories (e.g. ['cs.CL']) must list at least one category, none empty.";
        }
    }

    private static IEnumerable<string> HuggingFaceProblems(ScheduledSource source)
    {
        if (source.Limit is < 1 or > 100)
        {
            yield return "Limit must be between 1 and 100.";
        }
    }
}
