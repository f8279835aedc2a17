using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperFeed.Web.HuggingFace;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace PaperFeed.IntegrationTests.HuggingFace;

/// <summary>
/// Each real huggingface.co response, ingested into PaperFeed, asked for again from PaperFeed: the answer has the
/// sample's field names, nesting and JSON types, and its values where PaperFeed holds them.
/// </summary>
public sealed class HuggingFaceCompatibilityTests(HfSampleSite site) : IClassFixture<HfSampleSite>, IDisposable
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Daily_papers_entries_have_the_shape_and_values_of_the_real_response()
    {
        var sample = HfSamples.Read(HfSamples.DailyPapers);
        Assert.Equal(6, sample.GetArrayLength());

        foreach (JsonElement expected in sample.EnumerateArray())
        {
            JsonElement paper = expected.GetProperty("paper");
            var id = paper.GetProperty("id").GetString()!;
            // PaperFeed's daily list of a paper is that of its publication day (huggingface.co's: the day it was submitted).
            var day = paper.GetProperty("publishedAt").GetString()![..10];
            JsonElement ours = FindEntry(await GetJsonAsync($"/api/daily_papers?date={day}"), id);

            HfSamples.DailyEntryShape.AssertSameShape(expected, ours, id);
            AssertSameValues(paper, ours.GetProperty("paper"), exactPublishedAt: true);
            Assert.Equal(expected.GetProperty("publishedAt").GetString(), ours.GetProperty("publishedAt").GetString());
            Assert.Equal(expected.GetProperty("title").GetString(), ours.GetProperty("title").GetString());
            Assert.Equal(HfSamples.Collapsed(expected.GetProperty("summary").GetString()!), ours.GetProperty("summary").GetString());
            Assert.Equal(day + "T00:00:00.000Z", ours.GetProperty("paper").GetProperty("submittedOnDailyAt").GetString());
        }
    }

    [Fact]
    public async Task Paper_details_have_the_shape_and_values_of_the_real_response()
    {
        var expected = HfSamples.Read(HfSamples.Paper);

        JsonElement ours = await GetJsonAsync("/api/papers/2608.09888");

        HfSamples.PaperShape().AssertSameShape(expected, ours, "2608.09888");
        AssertSameValues(expected, ours, exactPublishedAt: true);
        foreach (var count in new[] { "numTotalModels", "numTotalDatasets", "numTotalSpaces" })
        {
            Assert.Equal(0, ours.GetProperty(count).GetInt32());
        }
    }

    [Fact]
    public async Task The_paper_of_a_daily_entry_has_the_shape_and_values_of_the_real_one()
    {
        var expected = HfSamples.Read(HfSamples.DailyPaperItem);

        JsonElement entry = FindEntry(await GetJsonAsync("/api/daily_papers?date=2025-09-04"), "2509.04664");
        JsonElement detail = await GetJsonAsync("/api/papers/2509.04664");

        // The sample's submittedOnDailyBy predates the user's "name" field.
        var shape = HfSamples.PaperShape();
        shape = new JsonShape { Unsupported = shape.Unsupported, AllowedExtras = new HashSet<string> { "submittedOnDailyBy.name" } };
        shape.AssertSameShape(expected, entry.GetProperty("paper"), "entry 2509.04664");
        AssertSameValues(expected, entry.GetProperty("paper"), exactPublishedAt: false);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(entry.GetProperty("paper").GetRawText()), WithoutLinkedRepositories(detail)), "the entry's paper is the paper detail without linked repositories");
    }

    [Fact]
    public async Task Search_results_have_the_shape_and_values_of_the_real_response()
    {
        var sample = HfSamples.Read(HfSamples.Search);
        var json = site.Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await using var db = site.Database.CreateDbContext();

        foreach (JsonElement expected in sample.EnumerateArray())
        {
            var id = expected.GetProperty("paper").GetProperty("id").GetString()!;
            var paper = await db.Papers.SingleAsync(p => p.ArxivId == id, TestContext.Current.CancellationToken);

            HfSearchResult result = paper.ToHfSearchResult(
                HighlightedText.Mark(paper.Title, "kazakh"), HighlightedText.Mark(paper.Abstract, "kazakh"), "http://localhost");
            JsonElement ours = JsonDocument.Parse(JsonSerializer.Serialize(result, json)).RootElement;

            HfSamples.SearchResultShape.AssertSameShape(expected, ours, id);
            AssertSameValues(expected.GetProperty("paper"), ours.GetProperty("paper"), exactPublishedAt: false);
            // The entry's publishedAt is the paper's as US-Eastern wall-clock time: 4 or 5 hours earlier.
            var shift = ours.GetProperty("paper").GetProperty("publishedAt").GetDateTimeOffset() - ours.GetProperty("publishedAt").GetDateTimeOffset();
            Assert.Contains(shift, new[] { TimeSpan.FromHours(4), TimeSpan.FromHours(5) });
            Assert.Equal(Highlights(expected.GetProperty("highlightedTitle")), Highlights(ours.GetProperty("highlightedTitle")));
            Assert.Equal(HfSamples.Collapsed(Joined(expected.GetProperty("highlightedTitle"))), Joined(ours.GetProperty("highlightedTitle")));
            Assert.Equal(ours.GetProperty("summary").GetString(), Joined(ours.GetProperty("highlightedSummary")));
            Assert.False(ours.GetProperty("upvoted").GetBoolean());
        }
    }

    [Fact]
    public async Task Without_a_date_the_list_is_that_of_the_latest_day_most_upvoted_first()
    {
        // The sample's own request (sotawhat sends limit=100). The latest publication day among the samples is
        // 2026-08-10, with one paper; 2026-06-09 and 2026-06-10 hold two each.
        Assert.Equal(["2608.09888"], Ids(await GetJsonAsync("/api/daily_papers?limit=100")));
        Assert.Equal(["2606.11409", "2606.10423"], Ids(await GetJsonAsync("/api/daily_papers?date=2026-06-09")));
        Assert.Equal(["2606.12303", "2606.11662"], Ids(await GetJsonAsync("/api/daily_papers?date=2026-06-10")));
    }

    [Fact]
    public async Task The_search_endpoint_finds_the_papers_of_the_real_response_and_checks_its_query()
    {
        // The sample's own request: every paper huggingface.co answered is among ours, and ours leads with one of them.
        var expected = HfSamples.Read(HfSamples.Search).EnumerateArray().Select(e => e.GetProperty("paper").GetProperty("id").GetString()).ToList();
        var found = (await GetJsonAsync("/api/papers/search?q=kazakh")).EnumerateArray().Select(e => e.GetProperty("paper").GetProperty("id").GetString()).ToList();
        Assert.Superset(expected.ToHashSet(), found.ToHashSet());
        Assert.Contains(found[0], expected);

        foreach (var url in new[] { "/api/papers/search", "/api/papers/search?q=%20", $"/api/papers/search?q={new string('a', 251)}", "/api/papers/search?q=kazakh&limit=121", "/api/papers/search?q=kazakh&limit=0" })
        {
            var problem = await ProblemAsync(url);
            Assert.Equal("Invalid request", problem.GetProperty("title").GetString());
        }
    }

    // Ids, titles, abstracts, upvotes, authors' names and the publication date: what PaperFeed holds of a paper.
    private static void AssertSameValues(JsonElement expected, JsonElement ours, bool exactPublishedAt)
    {
        var id = expected.GetProperty("id").GetString();
        Assert.Equal(id, ours.GetProperty("id").GetString());
        Assert.Equal(HfSamples.Collapsed(expected.GetProperty("title").GetString()!), ours.GetProperty("title").GetString());
        Assert.Equal(HfSamples.Collapsed(expected.GetProperty("summary").GetString()!), ours.GetProperty("summary").GetString());
        Assert.Equal(expected.GetProperty("upvotes").GetInt32(), ours.GetProperty("upvotes").GetInt32());
        Assert.Equal(
            expected.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()),
            ours.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var published = expected.GetProperty("publishedAt").GetString()!;
        // PaperFeed keeps the publication day; huggingface.co's time of day is midnight in the 2026 samples.
        Assert.Equal(exactPublishedAt ? published : published[..10] + "T00:00:00.000Z", ours.GetProperty("publishedAt").GetString());
    }

    private static JsonElement FindEntry(JsonElement list, string id) =>
        list.EnumerateArray().Single(entry => entry.GetProperty("paper").GetProperty("id").GetString() == id);

    private static List<string> Ids(JsonElement list) =>
        [.. list.EnumerateArray().Select(entry => entry.GetProperty("paper").GetProperty("id").GetString()!)];

    private static List<string> Highlights(JsonElement segments) =>
        [.. segments.EnumerateArray().Where(s => s.GetProperty("type").GetString() == "highlight").Select(s => s.GetProperty("text").GetString()!)];

    private static string Joined(JsonElement segments) =>
        string.Concat(segments.EnumerateArray().Select(s => s.GetProperty("text").GetString()));

    private static JsonObject WithoutLinkedRepositories(JsonElement detail)
    {
        var paper = JsonNode.Parse(detail.GetRawText())!.AsObject();
        foreach (var name in paper.Select(field => field.Key).Where(name => name.StartsWith("linked", StringComparison.Ordinal) || name.StartsWith("numTotal", StringComparison.Ordinal)).ToList())
        {
            paper.Remove(name);
        }

        return paper;
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private async Task<JsonElement> ProblemAsync(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("error").GetString());
        return problem;
    }
}
