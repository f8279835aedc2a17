namespace PaperFeed.Worker.Ingest;

/// <summary>Configuration section <c>ScheduledIngest</c>: sources the worker ingests on a cron schedule.</summary>
public sealed class ScheduledIngestOptions
{
    public const string Section = "ScheduledIngest";

    public List<ScheduledSource> Sources { get; init; } = [];
}

/// <summary>
/// One scheduled source: files, or a live source. <see cref="Kind"/> says which, and which of the other settings
/// apply (<see cref="ScheduledIngestOptionsValidator"/> checks them at start-up).
/// </summary>
public sealed class ScheduledSource
{
    /// <summary><c>file</c> (the default), <c>arxiv-api</c>, <c>arxiv-oai</c>, <c>arxiv-rss</c> or <c>hf-daily-papers</c>.</summary>
    public string Kind { get; init; } = ScheduledSourceKind.File;

    /// <summary>Standard five-field cron expression, in UTC, e.g. <c>0 6 * * *</c> for 06:00 every day.</summary>
    public string Cron { get; init; } = "";

    /// <summary><c>file</c>: a file or a directory (every file in it) to ingest.</summary>
    public string? Path { get; init; }

    /// <summary><c>file</c>: forces a format instead of detecting it from the content.</summary>
    public string? Format { get; init; }

    /// <summary><c>arxiv-api</c>: the <c>search_query</c>, e.g. <c>cat:cs.CL</c>.</summary>
    public string? Query { get; init; }

    /// <summary><c>arxiv-api</c>: <c>submittedDate</c> (the default: newest first), <c>lastUpdatedDate</c> or <c>relevance</c>.</summary>
    public string SortBy { get; init; } = "submittedDate";

    /// <summary><c>arxiv-api</c>: <c>descending</c> (the default) or <c>ascending</c>.</summary>
    public string SortOrder { get; init; } = "descending";

    /// <summary><c>arxiv-api</c>: how many results each run fetches in all, <see cref="PageSize"/> at a time.</summary>
    public int MaxResults { get; init; } = 500;

    /// <summary><c>arxiv-api</c>: results per request (the API's <c>max_results</c>, at most 2000).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary><c>arxiv-oai</c>: <c>arXivRaw</c> (the default: has every version's date) or <c>arXiv</c>.</summary>
    public string MetadataPrefix { get; init; } = "arXivRaw";

    /// <summary><c>arxiv-oai</c>: the set, e.g. <c>cs</c> or <c>physics:hep-ex</c>; none for all of arXiv.</summary>
    public string? Set { get; init; }

    /// <summary>
    /// <c>arxiv-oai</c>: the first day of the first harvest; later runs start where the last complete one ended.
    /// </summary>
    public DateOnly? From { get; init; }

    /// <summary><c>arxiv-oai</c>: the last day to harvest; none for up to the day of each run.</summary>
    public DateOnly? Until { get; init; }

    /// <summary><c>arxiv-rss</c>: the categories whose "new" listing feeds to fetch, e.g. <c>cs.CL</c>.</summary>
    public List<string> Categories { get; init; } = [];

    /// <summary><c>hf-daily-papers</c>: items asked for (the API's <c>limit</c>, 1 to 100).</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>The values of <see cref="ScheduledSource.Kind"/>.</summary>
public static class ScheduledSourceKind
{
    public const string File = "file";
    public const string ArxivApi = "arxiv-api";
    public const string ArxivOai = "arxiv-oai";
    public const string ArxivRss = "arxiv-rss";
    public const string HuggingFaceDailyPapers = "hf-daily-papers";

    public static readonly IReadOnlyList<string> All = [File, ArxivApi, ArxivOai, ArxivRss, HuggingFaceDailyPapers];
}
