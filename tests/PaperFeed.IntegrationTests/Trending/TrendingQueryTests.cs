using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaperFeed.Core.Trending;
using PaperFeed.Data.Trending;
using PaperFeed.IntegrationTests.Infrastructure;
using static PaperFeed.IntegrationTests.Infrastructure.TestPapers;

namespace PaperFeed.IntegrationTests.Trending;

/// <summary>The shared query other features reuse (the Hugging Face-compatible API): SQL and Core agree.</summary>
public sealed class TrendingQueryTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_global_ranking_scores_every_dated_paper_as_TrendingScore_does_and_pages_by_offset()
    {
        var random = new Random(7);
        var papers = Enumerable.Range(0, 200)
            .Select(i => Make(
                $"2602.{i:D5}",
                Now - TimeSpan.FromMinutes(random.Next(0, 3 * 365 * 24 * 60)),
                upvotes: random.Next(0, 500),
                localUpvotes: random.Next(0, 20)))
            .Append(Make("pf-undated000000001", null, upvotes: 1000))
            .Append(Make("2602.99999", Now.AddDays(1), upvotes: 1000))
            .ToArray();
        await database.InsertAsync(papers);
        await using var db = database.CreateDbContext();
        var query = new TrendingQuery(db, new FakeTimeProvider(Now), Options.Create(new TrendingOptions { Gravity = 1.8 }));

        var firstPage = await query.ListAsync(null, 0, 120, TestContext.Current.CancellationToken);
        var secondPage = await query.ListAsync(null, 120, 120, TestContext.Current.CancellationToken);
        var ranked = firstPage.Concat(secondPage).ToList();

        // Undated papers have no age, future ones no age yet: neither is ranked.
        Assert.Equal(200, ranked.Count);
        Assert.Equal(200, ranked.Select(r => r.Paper.Id).Distinct().Count());
        foreach (var item in ranked)
        {
            var ageHours = TrendingScore.AgeHours(item.Paper.PublishedAt!.Value, Now);
            var expected = TrendingScore.Compute(item.Paper.Upvotes, item.Paper.LocalUpvotes, ageHours, 1.8);
            Assert.Equal(ageHours, item.AgeHours, 1e-9);
            Assert.Equal(expected, item.Score, expected * 1e-12);
            Assert.Equal(1.8, item.Gravity);
        }

        var expectedOrder = papers
            .Where(p => p.PublishedAt <= Now)
            .OrderByDescending(p => TrendingScore.Compute(p.Upvotes, p.LocalUpvotes, TrendingScore.AgeHours(p.PublishedAt!.Value, Now), 1.8))
            .Select(p => p.Id);
        Assert.Equal(expectedOrder, ranked.Select(r => r.Paper.Id));
    }

    [Fact]
    public void Now_is_the_start_of_the_current_minute()
    {
        using var db = database.CreateDbContext();
        var query = new TrendingQuery(db, new FakeTimeProvider(Now.AddSeconds(59.9)), Options.Create(new TrendingOptions()));

        Assert.Equal(Now, query.Now());
        Assert.Equal(TrendingScore.DefaultGravity, query.Gravity);
    }
}
