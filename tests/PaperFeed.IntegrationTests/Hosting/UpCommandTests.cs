using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Hosting;

/// <summary>
/// <c>./paperfeed up</c> end to end, as a user runs it: it serves the samples, a second run adds nothing, and
/// Ctrl-C (SIGINT) stops the app and the project's PostgreSQL cleanly. It runs on its own ports and, as root,
/// its own PostgreSQL data directory, so it never disturbs the cluster the other tests use.
/// </summary>
public sealed class UpCommandTests : IDisposable
{
    private readonly string _pgData = Path.Combine(Path.GetTempPath(), $"paperfeed-up-{Guid.NewGuid():N}", "postgres");
    private readonly int _webPort = FreePort();
    private readonly int _pgPort = FreePort();

    public void Dispose()
    {
        var dir = Path.GetDirectoryName(_pgData)!;
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Up_serves_the_samples_and_ctrl_c_stops_everything_cleanly()
    {
        var first = await RunUpUntilServingAsync();
        var count = await CountPapersAsync();
        Assert.Equal(SamplePapers.Distinct, count);
        await first.InterruptAndWaitAsync();
        AssertStoppedCleanly(first);

        var second = await RunUpUntilServingAsync();
        Assert.Equal(count, await CountPapersAsync());
        await second.InterruptAndWaitAsync();
        AssertStoppedCleanly(second);

        if (UsesOwnPostgres)
        {
            var log = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(_pgData)!, "postgres.log"), TestContext.Current.CancellationToken);
            Assert.DoesNotContain("not properly shut down", log, StringComparison.Ordinal);
        }
    }

    // The project-local PostgreSQL runs as the postgres user, which needs root; elsewhere (GitHub's runners)
    // the script uses the test server through PAPERFEED_DB, like any deployment with its own database.
    private static bool UsesOwnPostgres => Environment.UserName == "root";

    private async Task<UpProcess> RunUpUntilServingAsync()
    {
        var environment = new Dictionary<string, string> { ["PAPERFEED_URL"] = $"http://127.0.0.1:{_webPort}" };
        if (UsesOwnPostgres)
        {
            environment["PAPERFEED_PGDATA"] = _pgData;
            environment["PAPERFEED_PG_PORT"] = _pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            environment["PAPERFEED_DB"] = await UpDatabaseAsync();
        }

        var up = UpProcess.Start(environment);
        // Generous: up builds the solution first, which takes minutes on a busy 2-core machine.
        await up.WaitForOutputAsync("PaperFeed is running", TimeSpan.FromMinutes(8));
        return up;
    }

    private static async Task<string> UpDatabaseAsync()
    {
        var admin = await PostgresServer.GetAdminConnectionStringAsync();
        const string name = "paperfeed_up_test";
        await using var connection = new Npgsql.NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", connection);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private async Task<long> CountPapersAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_webPort}") };
        long count = 0;
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(
                $"/api/v1/papers?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}", TestContext.Current.CancellationToken);
            count += page.GetProperty("items").GetArrayLength();
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return count;
    }

    private void AssertStoppedCleanly(UpProcess up)
    {
        Assert.Contains("Stopped", up.Output, StringComparison.Ordinal);
        Assert.False(PortAnswers(_webPort), "the web app still listens after Ctrl-C");
        if (UsesOwnPostgres)
        {
            Assert.False(PortAnswers(_pgPort), "PostgreSQL still listens after Ctrl-C");
            Assert.False(File.Exists(Path.Combine(_pgData, "postmaster.pid")), "PostgreSQL did not shut down");
        }
    }

    private static bool PortAnswers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
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

    /// <summary>A running ./paperfeed up, its merged output, and Ctrl-C.</summary>
    private sealed class UpProcess
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private UpProcess(Process process) => _process = process;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static UpProcess Start(IDictionary<string, string> environment)
        {
            var start = new ProcessStartInfo(Path.Combine(RepoPaths.Root, "paperfeed"))
            {
                ArgumentList = { "up" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoPaths.Root,
            };
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            var up = new UpProcess(new Process { StartInfo = start });
            up._process.OutputDataReceived += (_, e) => up.Append(e.Data);
            up._process.ErrorDataReceived += (_, e) => up.Append(e.Data);
            up._process.Start();
            up._process.BeginOutputReadLine();
            up._process.BeginErrorReadLine();
            return up;
        }

        public async Task WaitForOutputAsync(string text, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                {
                    _process.Kill(entireProcessTree: true);
                    Assert.Fail($"./paperfeed up never printed '{text}'. Output:\n{Output}");
                }

                await Task.Delay(250);
            }
        }

        /// <summary>What Ctrl-C does: SIGINT to the script, whose trap stops the app, the worker and PostgreSQL.</summary>
        public async Task InterruptAndWaitAsync()
        {
            using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // What still runs says which part ignored the signal; the output says how far the stop got.
                var processes = await RunAsync("ps", "-eo", "pid,ppid,etime,pcpu,args", "--forest");
                _process.Kill(entireProcessTree: true);
                Assert.Fail($"./paperfeed up did not exit within a minute of Ctrl-C.\nProcesses:\n{processes}\nOutput:\n{Output}");
            }
        }

        private static async Task<string> RunAsync(string file, params string[] arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
