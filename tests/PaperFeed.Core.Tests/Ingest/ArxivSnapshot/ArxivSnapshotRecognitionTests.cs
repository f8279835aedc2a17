using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivSnapshot;

namespace PaperFeed.Core.Tests.Ingest.ArxivSnapshot;

public class ArxivSnapshotRecognitionTests
{
    private static readonly ArxivSnapshotParser Parser = new();

    [Theory]
    [InlineData(SnapshotReading.Sample)]
    [InlineData(SnapshotReading.ManyAuthors)]
    public void Snapshot_files_are_recognised_from_their_head(string fixture) =>
        Assert.True(Parser.Recognizes(Head(SampleFiles.Fixture(fixture))));

    [Fact]
    public void Kaggle_layout_is_recognised_even_after_a_byte_order_mark_and_blank_lines() =>
        Assert.True(Parser.Recognizes("\uFEFF\n\n" + SnapshotReading.KaggleLine + "\n"));

    [Fact]
    public void First_line_cut_by_the_head_before_its_abstract_is_recognised_by_a_snapshot_key()
    {
        var head = Head(SampleFiles.Fixture(SnapshotReading.ManyAuthors));

        Assert.DoesNotContain("\"abstract\"", head, StringComparison.Ordinal);
        Assert.True(Parser.Recognizes(head));
    }

    [Theory]
    [InlineData("{\"id\": \"2509.04664\", \"summary\": \"An abstract.\", \"title\": \"T\"}\n")]
    [InlineData("{\n  \"id\": \"2509.04664\",\n  \"abstract\": \"An abstract.\"\n}\n")]
    [InlineData("[{\"id\":\"2501.00001\",\"title\":\"T\",\"abstract\":\"A.\"}]\n")]
    [InlineData("{\"paper\":\"about \\\"id\\\": and \\\"abstract\\\": keys\"}\n")]
    [InlineData("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><id>x</id></feed>")]
    [InlineData("Abstract: {\"id\": 1, \"abstract\": 2}\n")]
    [InlineData("Dec 8\n\nA title\n\nAn abstract.\n")]
    public void Other_text_is_not_taken_for_a_snapshot(string head) =>
        Assert.False(Parser.Recognizes(head));

    [Fact]
    public void Daily_papers_samples_are_not_taken_for_a_snapshot() =>
        Assert.All(SampleFiles.DailyPapersPages, page => Assert.False(Parser.Recognizes(Head(SampleFiles.DailyPapers(page)))));

    [Fact]
    public async Task Reader_with_both_parsers_picks_the_snapshot_for_a_snapshot_file()
    {
        var reader = new PaperSourceReader([new ArxivSnapshotParser(), new Core.Ingest.DailyPapers.DailyPapersPageParser()]);

        List<SourceEntry> entries = await SourceReading.ReadAllAsync(new MemoryStream(SampleFiles.Fixture(SnapshotReading.Sample)), reader: reader);

        Assert.All(entries, entry => Assert.Equal(ArxivSnapshotParser.FormatName, entry.Paper!.Source));
    }

    // What PaperSourceReader hands to Recognizes: the first 8 KB, decoded.
    private static string Head(byte[] bytes) => Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 8 * 1024));
}
