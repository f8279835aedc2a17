using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PaperFeed.Core.Ingest.HuggingFace;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.HuggingFace;

/// <summary>
/// Class fixture: papers laid out to exercise the Hugging Face clients' requests, ingested as Hugging Face JSON by
/// the real ingester, and the web app with its clock on <see cref="Today"/>.
/// </summary>
public sealed class HfClientSite : IAsyncLifetime
{
    /// <summary>Wednesday of ISO week 2025-W45.</summary>
    public static readonly DateTimeOffset Today = new(2025, 11, 5, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A full day: 120 papers on 2025-10-29 (2510.20000 to 2510.20119), with upvotes i / 2, so ties too.</summary>
    public const string BusyDay = "2025-10-29";

    public const int BusyDayCount = 120;

    /// <summary>Two papers on 2025-10-30: 2510.30001 with 5 upvotes, 2510.30002 with 3.</summary>
    public const string VotingDay = "2025-10-30";

    /// <summary>One paper on each day at the edges of week 2025-W44 and month 2025-10, and one after today.</summary>
    public static readonly IReadOnlyDictionary<string, string> EdgePapers = new Dictionary<string, string>
    {
        ["2509.30001"] = "2025-09-30",
        ["2510.00101"] = "2025-10-01",
        ["2510.26001"] = "2025-10-26",
        ["2510.27001"] = "2025-10-27",
        ["2510.31001"] = "2025-10-31",
        ["2511.02001"] = "2025-11-02",
        ["2511.03001"] = "2025-11-03",
        ["2512.01001"] = "2025-12-01",
    };

    public const string OldStyleId = "hep-th/9901001";

    private WebApplicationFactory<Program>? _clocked;

    public TestDatabase Database { get; } = new();

    public PaperFeedWebFactory Factory { get; private set; } = null!;

    public WebApplicationFactory<Program> App => _clocked!;

    public static IEnumerable<string> BusyDayIds => Enumerable.Range(0, BusyDayCount).Select(i => $"2510.2{i:D4}");

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        var entries = Enumerable.Range(0, BusyDayCount).Select(i => Entry($"2510.2{i:D4}", BusyDay, i / 2))
            .Concat([Entry("2510.30001", VotingDay, 5), Entry("2510.30002", VotingDay, 3)])
            .Concat(EdgePapers.Select(paper => Entry(paper.Key, paper.Value, 1)))
            .Append(Entry(OldStyleId, "1999-01-04", 2));
        var outcome = await Ingestion.CreateIngester(Database)
            .IngestTextAsync($"[{string.Join(',', entries)}]", "hf-clients.json", CancellationToken.None, HuggingFacePapersParser.FormatName);
        if (outcome.Error is { } error)
        {
            throw new InvalidOperationException($"the client papers did not ingest: {error}");
        }

        Factory = new PaperFeedWebFactory(Database);
        _clocked = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(
            services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Today))));
    }

    public static string TitleOf(string id) => $"Paper {id} on the daily list";

    public async ValueTask DisposeAsync()
    {
        if (_clocked is not null)
        {
            await _clocked.DisposeAsync();
        }

        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    private static string Entry(string id, string day, int upvotes) => JsonSerializer.Serialize(new
    {
        paper = new
        {
            id,
            authors = new[] { new { name = "Ada Lovelace" }, new { name = "Alan Turing" } },
            publishedAt = $"{day}T00:00:00.000Z",
            title = TitleOf(id),
            summary = $"The abstract of {id}, with $x^2$ in it.",
            upvotes,
        },
    });
}
