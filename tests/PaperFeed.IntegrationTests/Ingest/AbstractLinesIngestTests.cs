using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.AbstractLines;
using PaperFeed.Data.Ingest;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Ingest;

/// <summary>Real abstracts without titles (the Core tests' fixture) ingested into PostgreSQL with derived titles.</summary>
public sealed class AbstractLinesIngestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string Sample = Path.Combine(IngestAssertions.FixturesOf("abstract-lines"), "abstracts-sample.txt");

    private readonly PaperIngester _ingester = Ingestion.CreateIngester(database, reader: new PaperSourceReader([new AbstractLinesParser()]));

    [Fact]
    public async Task Abstracts_are_stored_with_derived_titles_and_reingesting_changes_nothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;

        IngestOutcome first = await _ingester.IngestFileAsync(Sample, format: null, ct);

        Assert.Null(first.Error);
        Assert.Equal((16, 0), (first.Counts.Inserted, first.Counts.Rejected));
        await using (var db = database.CreateDbContext())
        {
            var papers = await db.Papers.Where(p => p.Source == "abstract-lines").ToListAsync(ct);
            Assert.Equal(16, papers.Count);
            Assert.All(papers, paper =>
            {
                Assert.True(paper.TitleIsDerived);
                Assert.StartsWith("pf-", paper.Id, StringComparison.Ordinal);
                Assert.Null(paper.ArxivId);
                Assert.Null(paper.PublishedAt);
                Assert.Empty(paper.Authors);
            });

            var bigbird = Assert.Single(papers, p => p.Abstract.StartsWith("$\\texttt{BIGBIRD-PEGASUS}$", StringComparison.Ordinal));
            Assert.Equal("$\\texttt{BIGBIRD-PEGASUS}$ model achieves $\\textit{state-of-the-art}$ on abstractive text summarization for long documents", bigbird.Title);
            var vit = Assert.Single(papers, p => p.Abstract.StartsWith("The aim of this work is to explore", StringComparison.Ordinal));
            Assert.Equal("The aim of this work is to explore the potential of pre-trained vision-language models, e.g. Vision Transformers (ViT), enhanced with advanced data augmentation strategies for the detection of…", vit.Title);
        }

        IngestOutcome again = await _ingester.IngestFileAsync(Sample, format: null, ct);

        Assert.Null(again.Error);
        Assert.Equal((0, 0, 16), (again.Counts.Inserted, again.Counts.Updated, again.Counts.Unchanged));
    }
}

/// <summary>
/// Rejected lines, in a class (and so a database) of its own: the paper it stores would otherwise be counted by
/// the sample test above, whichever of the two runs first.
/// </summary>
public sealed class AbstractLinesRejectionTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly PaperIngester _ingester = Ingestion.CreateIngester(database, reader: new PaperSourceReader([new AbstractLinesParser()]));

    [Fact]
    public async Task Lines_that_are_not_abstracts_are_kept_as_rejected_rows()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        const string text = "Abstract: A kept abstract about rejected rows in ingest runs.\nNot an abstract line\nAbstract:\n";

        IngestOutcome outcome = await _ingester.IngestTextAsync(text, "abstracts-bad.txt", ct, AbstractLinesParser.FormatName);

        Assert.Null(outcome.Error);
        Assert.Equal((1, 2), (outcome.Counts.Inserted, outcome.Counts.Rejected));
        await using var db = database.CreateDbContext();
        var rejected = await db.RejectedRecords.Where(r => r.Source == "abstracts-bad.txt").OrderBy(r => r.Line).ToListAsync(ct);
        Assert.Equal([(2L, "the line does not start with \"Abstract:\""), (3L, "empty abstract")], rejected.Select(r => (r.Line!.Value, r.Reason)));
    }
}
