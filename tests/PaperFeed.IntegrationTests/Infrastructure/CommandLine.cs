using System.Diagnostics;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>Runs a real program (the worker's CLI, ./paperfeed) and captures what it printed.</summary>
public static class CommandLine
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs the worker CLI (PaperFeed.Worker.dll, built next to the tests) against a test database.</summary>
    public static Task<Result> RunWorkerAsync(TestDatabase database, params string[] arguments) =>
        RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "PaperFeed.Worker.dll"), .. arguments],
            new Dictionary<string, string> { ["ConnectionStrings__PaperFeed"] = database.ConnectionString });
}
