namespace PaperFeed.Worker.Digests;

/// <summary>How often the worker looks for due digests and queued mail, bound from <c>Digests:Schedule</c>.</summary>
public sealed class DigestSchedulerOptions
{
    public const string Section = "Digests:Schedule";

    public bool Enabled { get; set; } = true;

    /// <summary>Between runs. Confirmation mails wait at most this long; digests fall due on the hour.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
}
