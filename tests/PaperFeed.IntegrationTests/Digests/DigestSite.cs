using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PaperFeed.Core.Digests;
using PaperFeed.Core.Papers;
using PaperFeed.Data;
using PaperFeed.Data.Digests;
using PaperFeed.Data.Papers;
using PaperFeed.Data.Search;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.Worker.Digests;

namespace PaperFeed.IntegrationTests.Digests;

/// <summary>
/// Class fixture: a test database, a real SMTP server, the web app and the worker's digest services, all on one
/// fake clock, with links in mails under <see cref="BaseUrl"/>.
/// </summary>
public class DigestSite : IAsyncLifetime
{
    /// <summary>Monday 23 November 2026, 05:30 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 5, 30, 0, TimeSpan.Zero);

    public const string BaseUrl = "https://papers.example.test";

    public TestDatabase Database { get; } = new();

    public SmtpTestServer Smtp { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    public PaperFeedWebFactory Web { get; private set; } = null!;

    public ServiceProvider Worker { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Smtp.InitializeAsync();
        Web = new PaperFeedWebFactory(Database, Clock, new Dictionary<string, string>
        {
            ["PaperFeed:PublicBaseUrl"] = BaseUrl,
            ["RateLimiting:Subscriptions:PermitLimit"] = "1000",
        });
        Worker = CreateWorker();
    }

    public Dictionary<string, string?> WorkerSettings() => new()
    {
        [$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = Database.ConnectionString,
        ["PaperFeed:PublicBaseUrl"] = BaseUrl,
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "PaperFeed <digests@papers.example.test>",
        ["Smtp:MessagesPerSecond"] = "1000",
        ["Digests:RetryBaseDelay"] = "00:01:00",
        ["Digests:SuspendAfterFailures"] = "2",
        // One trending paper, so that a test's few papers leave some to be picked for interests.
        ["Digests:TrendingCount"] = "1",
    };

    /// <summary>The worker's digest services (the same as <c>digest run</c>'s) on the fake clock.</summary>
    public ServiceProvider CreateWorker(Action<Dictionary<string, string?>>? adjust = null)
    {
        var settings = WorkerSettings();
        adjust?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPaperFeedData(configuration);
        services.AddDigestSending(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>
    /// Moves the shared clock on to 05:30 UTC of the next day, so that a test starts from a known hour: subscribers
    /// added with the default send hour (05:00 UTC) are due, and papers of the last hours are in their window.
    /// </summary>
    public void StartNextMorning()
    {
        var next = new DateTimeOffset(Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(5).AddMinutes(30), TimeSpan.Zero);
        Clock.SetUtcNow(next);
    }

    public Task<DigestRunCounts> RunAsync(ServiceProvider? worker = null) =>
        (worker ?? Worker).GetRequiredService<DigestRun>().RunAsync(TestContext.Current.CancellationToken);

    /// <summary>Papers published <paramref name="hoursAgo"/> before the clock's now, indexed for search.</summary>
    public async Task AddPapersAsync(double hoursAgo, params (string Id, string Title, string Abstract, int Upvotes)[] papers)
    {
        await using (var db = Database.CreateDbContext())
        {
            db.Papers.AddRange(papers.Select(p => new Paper
            {
                Id = p.Id,
                TitleKey = TextNormalizer.NormalizeTitleKey(p.Title),
                Title = p.Title,
                Abstract = p.Abstract,
                Authors = ["Ada Lovelace", "Alan Turing"],
                Categories = ["cs.LG"],
                Url = $"https://arxiv.org/abs/{p.Id}",
                Source = "test",
                ContentHash = SHA256.HashData(Encoding.UTF8.GetBytes(p.Id)),
                PublishedAt = Clock.GetUtcNow().AddHours(-hoursAgo),
                DatePrecision = DatePrecision.Day,
                Upvotes = p.Upvotes,
            }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // As the ingester does: queue the new papers for the search index, then refresh it.
        await using (var queue = Database.DataSource.CreateCommand("INSERT INTO paper_search_pending (paper_id) SELECT unnest(@ids) ON CONFLICT DO NOTHING"))
        {
            queue.Parameters.AddWithValue("ids", papers.Select(p => p.Id).ToArray());
            await queue.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await new SearchIndexRefresher(Database.DataSource).RefreshAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A confirmed subscriber, due at <paramref name="nextDigestAt"/> (now if not given), written directly.</summary>
    public async Task<Subscriber> AddActiveSubscriberAsync(string email, string[]? interests = null, DateTimeOffset? nextDigestAt = null, int sendHour = 5)
    {
        await using var db = Database.CreateDbContext();
        var subscriber = new Subscriber
        {
            Email = email,
            EmailKey = email.ToLowerInvariant(),
            Status = SubscriberStatus.Active,
            TimeZone = "UTC",
            Frequency = DigestFrequency.Daily,
            SendHour = sendHour,
            Interests = [.. interests ?? []],
            CreatedAt = Clock.GetUtcNow(),
            ConfirmedAt = Clock.GetUtcNow(),
            NextDigestAt = nextDigestAt ?? Clock.GetUtcNow(),
        };
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return subscriber;
    }

    public static string TokenOf(string url) => Regex.Match(url, "[?&]token=([A-Za-z0-9_-]+)").Groups[1].Value;

    /// <summary>The links of a mail's text part that start with the site's base URL.</summary>
    public static List<string> SiteLinks(MimeMessage message) =>
        Regex.Matches(message.TextBody ?? "", Regex.Escape(BaseUrl) + @"/[^\s]+").Select(m => m.Value).ToList();

    public async ValueTask DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Web.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
