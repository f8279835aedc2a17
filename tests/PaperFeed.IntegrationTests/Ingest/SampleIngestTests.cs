using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Search;
using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Lexical;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

public sealed class SampleIngestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Samples_load_once_with_duplicates_merged_and_reingesting_changes_nothing()
    {
        var ingester = Ingestion.CreateIngester(database);
        var ct = TestContext.Current.CancellationToken;
        // The other tests of this class share the database and may have run first.
        await using (var cleanup = database.CreateDbContext())
        {
            await cleanup.Papers.ExecuteDeleteAsync(ct);
        }

        var first = new List<Data.Ingest.IngestOutcome>();
        foreach (var file in RepoPaths.SampleFiles)
        {
            first.Add(await ingester.IngestFileAsync(file, format: null, ct));
        }

        Assert.All(first, outcome => Assert.Null(outcome.Error));
        await using var db = database.CreateDbContext();
        var count = await db.Papers.CountAsync(ct);
        var inserted = first.Sum(o => o.Counts.Inserted);
        // The three pages list 150 papers; two of them appear on two pages with the same title and abstract.
        Assert.Equal(150, first.Sum(o => o.Counts.Inserted + o.Counts.Updated + o.Counts.Unchanged));
        Assert.Equal(SamplePapers.Distinct, count);
        Assert.Equal(count, inserted);

        // Papers on more than one page were merged, not stored twice.
        var distinctTitles = await db.Papers.Select(p => p.TitleKey).Distinct().CountAsync(ct);
        Assert.Equal(count, distinctTitles);
        Assert.True(first.Sum(o => o.Counts.Unchanged + o.Counts.Updated) > 0, "the sample pages share papers");

        var updatedAtBefore = await db.Papers.MaxAsync(p => p.UpdatedAt, ct);
        foreach (var file in RepoPaths.SampleFiles)
        {
            var again = await ingester.IngestFileAsync(file, format: null, ct);
            Assert.Null(again.Error);
            Assert.Equal(0, again.Counts.Inserted);
            Assert.Equal(0, again.Counts.Updated);
        }

        Assert.Equal(count, await db.Papers.CountAsync(ct));
        Assert.Equal(updatedAtBefore, await db.Papers.MaxAsync(p => p.UpdatedAt, ct));
    }

    [Fact]
    public async Task Every_run_is_recorded_with_its_counts()
    {
        var ingester = Ingestion.CreateIngester(database);
        var ct = TestContext.Current.CancellationToken;
        var outcome = await ingester.IngestFileAsync(RepoPaths.SampleFiles[0], format: null, ct);

        await using var db = database.CreateDbContext();
        var run = await db.IngestRuns.OrderByDescending(r => r.Id).FirstAsync(ct);
        Assert.Equal(RepoPaths.SampleFiles[0], run.Source);
        Assert.Equal(Data.Ingest.IngestRunStatus.Succeeded, run.Status);
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(outcome.Counts.Inserted, run.Inserted);
        Assert.Equal(outcome.Counts.Unchanged, run.Unchanged);
    }

    [Fact]
    public async Task Ingested_papers_are_searchable_when_the_ingest_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        await Ingestion.CreateIngester(database).IngestFileAsync(RepoPaths.SampleFiles[2], format: null, ct);

        Assert.Equal(0, await database.ScalarAsync<long>(
            "SELECT count(*) FROM papers p WHERE NOT EXISTS (SELECT 1 FROM paper_search s WHERE s.paper_id = p.id)"));
        var hits = await new LexicalSearch(database.DataSource).SearchAsync("dynamic tokenization retrofitting", SearchFilter.None, 1, ct);
        await using var db = database.CreateDbContext();
        var found = await db.Papers.SingleAsync(p => p.Id == hits[0].PaperId, ct);
        Assert.Equal("Retrofitting (Large) Language Models with Dynamic Tokenization", found.Title);
    }

    [Fact]
    public async Task A_huge_abstract_is_stored_whole_and_still_indexed()
    {
        var ct = TestContext.Current.CancellationToken;
        var abstractText = string.Join(' ', Enumerable.Range(0, 200_000).Select(i => $"word{i}")) + ".";
        var page = $"Get trending papers in your email inbox!\n\nDaily Papers\n\nNov 20\n\nA Paper With A Huge Abstract\n\n{abstractText}\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(page));

        var outcome = await Ingestion.CreateIngester(database).IngestAsync(stream, "huge.txt", null, ct);

        Assert.Null(outcome.Error);
        await using var db = database.CreateDbContext();
        var paper = await db.Papers.SingleAsync(p => p.Title == "A Paper With A Huge Abstract", ct);
        Assert.Equal(abstractText.Length, paper.Abstract.Length);
        // Its terms are indexed (the text analysed is cut at Bm25FDocument.MaxAbstractChars, far beyond word100).
        Assert.Equal(1, await database.ScalarAsync<long>(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"SELECT count(*) FROM paper_search WHERE paper_id = '{paper.Id}' AND terms @> ARRAY[{SearchTermId.For("huge")}, {SearchTermId.For("word100")}]")));
    }
}
