using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.HuggingFace;

/// <summary>The bundled samples (daily-papers pages: papers without arXiv ids) through the Hugging Face-compatible API.</summary>
public sealed class HuggingFaceBundledSampleTests(SampleSite site) : IClassFixture<SampleSite>, IDisposable
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Papers_without_an_arxiv_id_are_listed_and_found_by_their_paperfeed_id()
    {
        await using var db = site.Database.CreateDbContext();
        var paper = await db.Papers.Where(p => p.ArxivId == null && p.PublishedAt != null).OrderBy(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        var day = paper.PublishedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var entries = await _client.GetFromJsonAsync<List<JsonElement>>($"/api/daily_papers?date={day}&limit=100", TestContext.Current.CancellationToken);
        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/papers/{paper.Id}", TestContext.Current.CancellationToken);
        var markdown = await _client.GetStringAsync($"/papers/{paper.Id}.md", TestContext.Current.CancellationToken);

        Assert.StartsWith("pf-", paper.Id, StringComparison.Ordinal);
        Assert.Contains(entries!, entry => entry.GetProperty("paper").GetProperty("id").GetString() == paper.Id && entry.GetProperty("title").GetString() == paper.Title);
        Assert.Equal((paper.Id, paper.Title), (detail.GetProperty("id").GetString(), detail.GetProperty("title").GetString()));
        Assert.StartsWith($"# {paper.Title}\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("arxiv.org", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_date_the_latest_day_of_the_samples_is_listed()
    {
        await using var db = site.Database.CreateDbContext();
        var latest = await db.Papers.MaxAsync(p => p.PublishedAt, TestContext.Current.CancellationToken);

        var entries = await _client.GetFromJsonAsync<List<JsonElement>>("/api/daily_papers", TestContext.Current.CancellationToken);

        Assert.NotEmpty(entries!);
        Assert.All(entries!, entry => Assert.Equal(
            latest!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'00:00:00.000'Z'", CultureInfo.InvariantCulture),
            entry.GetProperty("paper").GetProperty("submittedOnDailyAt").GetString()));
    }
}
