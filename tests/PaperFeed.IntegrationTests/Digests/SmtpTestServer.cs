using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Digests;

/// <summary>
/// A real SMTP server (aiosmtpd, Debian's python3-aiosmtpd) on a free port, storing what it receives in a Maildir;
/// see smtp_test_handler.py for the addresses it refuses. It can be stopped and started again on the same port.
/// </summary>
public sealed class SmtpTestServer : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    public int Port { get; } = FreePort();

    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), $"pf-smtp-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync() => await StartAsync();

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "smtp_test_handler.TestMailbox", Maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PYTHONPATH"] = Path.Combine(RepoPaths.Root, "tests", "PaperFeed.IntegrationTests", "Digests");
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start aiosmtpd");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var i = 0; i < 200; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode}: is python3-aiosmtpd installed? (./paperfeed test installs it)");
            }

            if (await AcceptsAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("aiosmtpd did not listen within 10 s");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, as stored (with aiosmtpd's X-RcptTo and X-MailFrom).</summary>
    public List<MimeMessage> Messages() =>
        new[] { "new", "cur" }.Select(d => Path.Combine(Maildir, d)).Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Select(file => MimeMessage.Load(file))
            .ToList();

    public List<MimeMessage> MessagesTo(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Maildir))
        {
            Directory.Delete(Maildir, recursive: true);
        }
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
