using System.Net;
using System.Net.Sockets;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Hosting;

/// <summary>The ./paperfeed entry script itself.</summary>
public sealed class EntryScriptTests
{
    [Fact]
    public async Task Help_lists_the_commands()
    {
        var result = await CommandLine.RunAsync(Path.Combine(RepoPaths.Root, "paperfeed"), ["help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "up", "test", "ingest", "eval-search", "help" })
        {
            Assert.Matches($@"(?m)^\s+{command}\b", result.StandardOutput);
        }
    }

    [Fact]
    public async Task Up_says_clearly_when_its_port_is_taken()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await CommandLine.RunAsync(
            Path.Combine(RepoPaths.Root, "paperfeed"), ["up"],
            new Dictionary<string, string> { ["PAPERFEED_URL"] = $"http://127.0.0.1:{port}" });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"port {port}", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("already in use", result.StandardError, StringComparison.Ordinal);
    }
}
