using System.ComponentModel.DataAnnotations;

namespace PaperFeed.Worker.Ingest;

/// <summary>Configuration section <c>ScheduledIngest</c>: sources the worker ingests on a cron schedule.</summary>
public sealed class ScheduledIngestOptions
{
    public const string Section = "ScheduledIngest";

    public List<ScheduledSource> Sources { get; init; } = [];
}

public sealed class ScheduledSource
{
    /// <summary>A file or a directory (every file in it) to ingest.</summary>
    [Required]
    public string Path { get; init; } = "";

    /// <summary>Standard five-field cron expression, in UTC, e.g. <c>0 6 * * *</c> for 06:00 every day.</summary>
    [Required]
    public string Cron { get; init; } = "";

    /// <summary>Forces a format instead of detecting it from the content.</summary>
    public string? Format { get; init; }
}
