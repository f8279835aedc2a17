using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaperFeed.Worker.Digests;

/// <summary>
/// The worker's digest job (<c>run</c>): a <see cref="DigestRun"/> every <see cref="DigestSchedulerOptions.PollInterval"/>.
/// Each subscriber's own hour and time zone decide when their digest is due (stored per subscriber), so one
/// interval serves every zone and daylight-saving change.
/// </summary>
public sealed partial class DigestScheduler(DigestRun run, IOptions<DigestSchedulerOptions> options, TimeProvider clock, ILogger<DigestScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await run.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not end the worker: the next run picks up where this one stopped.
                LogRunFailed(logger, e, options.Value.PollInterval);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digests are off (Digests:Schedule:Enabled = false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest run failed; trying again in {Interval}")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, TimeSpan interval);
}
