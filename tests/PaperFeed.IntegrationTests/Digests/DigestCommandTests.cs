using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PaperFeed.Core.Digests;
using PaperFeed.Core.Papers;
using PaperFeed.Data.Digests;
using PaperFeed.Data.Papers;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Digests;

/// <summary>
/// The worker's real command line on the real clock: <c>digest run</c> killed with SIGKILL mid-run and run again
/// sends the rest and duplicates nothing; without SMTP settings it writes .eml files; <c>digest preview</c>.
/// </summary>
public sealed class DigestCommandTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly SmtpTestServer _smtp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _smtp.InitializeAsync();
    }

    [Fact]
    public async Task A_run_killed_mid_send_and_run_again_sends_the_rest_and_no_duplicate()
    {
        const int count = 60;
        await AddDueSubscribersAsync("killed", count);
        var environment = Environment(("Smtp__Host", "127.0.0.1"), ("Smtp__Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Smtp__Security", "None"), ("Smtp__MessagesPerSecond", "20"));

        using (var first = StartWorker(environment, "digest", "run"))
        {
            var watch = Stopwatch.StartNew();
            while (_smtp.Messages().Count < 15 && watch.Elapsed < TimeSpan.FromSeconds(60) && !first.HasExited)
            {
                await Task.Delay(50, Ct);
            }

            Assert.False(first.HasExited, "the first run ended before it could be killed");
            first.Kill(); // SIGKILL: no chance to record anything
            await first.WaitForExitAsync(Ct);
        }

        var sentBefore = _smtp.Messages().Count;
        var second = await CommandLine.RunAsync("dotnet", [WorkerDll, "digest", "run"], environment, timeout: TimeSpan.FromMinutes(2));

        Assert.True(second.ExitCode == 0, second.StandardError);
        var received = _smtp.Messages();
        var perRecipient = received.GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.All(perRecipient, g => Assert.Single(g));
        Assert.Equal(received.Count, received.Select(m => m.MessageId).Distinct().Count());
        var lost = await _database.ScalarAsync<long>("SELECT count(*) FROM mail_outbox WHERE status IN ('Sending', 'InDoubt')");
        Assert.True(lost <= 1, $"{lost} mails in doubt");
        // The one mail in flight at the kill may have been accepted (then it arrived, unrecorded) or not (then it
        // is lost): never sent twice. Everyone else got exactly one.
        Assert.InRange(count - received.Count, 0, (int)lost);
        Assert.True(received.Count > sentBefore);
        Assert.Contains("composed   0", second.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_smtp_settings_mail_goes_to_a_folder_and_preview_prints_the_digest()
    {
        await AddDueSubscribersAsync("folder", 2);
        var folder = Path.Combine(Path.GetTempPath(), $"pf-pickup-{Guid.NewGuid():N}");
        try
        {
            var environment = Environment(("Smtp__PickupDirectory", folder));
            var preview = await CommandLine.RunAsync("dotnet", [WorkerDll, "digest", "preview", "folder0@example.org"], environment);
            var run = await CommandLine.RunAsync("dotnet", [WorkerDll, "digest", "run"], environment);

            Assert.True(preview.ExitCode == 0, preview.StandardError);
            Assert.Contains("Subject: PaperFeed daily: Command line paper folder", preview.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("https://papers.example.test/unsubscribe?token=", preview.StandardOutput, StringComparison.Ordinal);
            Assert.True(run.ExitCode == 0, run.StandardError);
            Assert.Contains("composed   2", run.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("sent       2", run.StandardOutput, StringComparison.Ordinal);
            Assert.Contains(folder, run.StandardOutput, StringComparison.Ordinal);
            var files = Directory.GetFiles(folder, "*.eml");
            Assert.Equal(2, files.Length);
            var message = await MimeMessage.LoadAsync(files[0], Ct);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);

            var unknown = await CommandLine.RunAsync("dotnet", [WorkerDll, "digest", "preview", "nobody@example.org"], environment);
            Assert.Equal(1, unknown.ExitCode);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string WorkerDll => Path.Combine(AppContext.BaseDirectory, "PaperFeed.Worker.dll");

    private Dictionary<string, string> Environment(params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__PaperFeed"] = _database.ConnectionString,
            ["PaperFeed__PublicBaseUrl"] = "https://papers.example.test",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static Process StartWorker(Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(WorkerDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Subscribers due now on the real clock, with a paper published in their window.</summary>
    private async Task AddDueSubscribersAsync(string prefix, int count)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = _database.CreateDbContext();
        db.Papers.Add(new Paper
        {
            Id = $"pf-{prefix}",
            TitleKey = $"command line paper {prefix}",
            Title = $"Command line paper {prefix}",
            Abstract = "Sent by the command line.",
            Source = "test",
            ContentHash = SHA256.HashData(Encoding.UTF8.GetBytes(prefix)),
            PublishedAt = now.AddHours(-2),
            DatePrecision = DatePrecision.Day,
            Upvotes = 3,
        });
        for (var i = 0; i < count; i++)
        {
            db.Subscribers.Add(new Subscriber
            {
                Email = $"{prefix}{i}@example.org",
                EmailKey = $"{prefix}{i}@example.org",
                Status = SubscriberStatus.Active,
                TimeZone = "UTC",
                Frequency = DigestFrequency.Daily,
                SendHour = now.Hour,
                CreatedAt = now,
                NextDigestAt = now.AddMinutes(-1),
            });
        }

        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }
}
