using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivSnapshot;
using static PaperFeed.Core.Tests.Ingest.ArxivSnapshot.SnapshotReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivSnapshot;

/// <summary>
/// Bad lines are rejected one at a time, with their line number, and the rest of the file is read; a file that
/// is not a snapshot, not UTF-8 or cut short fails as a whole.
/// </summary>
public class ArxivSnapshotRejectionTests
{
    private const string Good = """{"id":"2501.00001","title":"T","abstract":"A."}""";

    [Theory]
    [InlineData("""{"id":"2501.00002","title":"T","abstract":"A.",}""", "malformed JSON")]
    [InlineData("""{"id":"2501.00002","title":"T" "abstract":"A."}""", "malformed JSON")]
    [InlineData("""{"id":"2501.00002","title":"T","abstract":"A."}}""", "malformed JSON")]
    [InlineData("""{"id":"2501.00002","title":"T","abstract":"A."} {"id":"2501.00003"}""", "malformed JSON")]
    [InlineData("""["2501.00002","T","A."]""", "not a JSON object")]
    [InlineData("not json at all", "malformed JSON")]
    [InlineData("""{"title":"T","abstract":"A."}""", "no \"id\"")]
    [InlineData("""{"id":"","title":"T","abstract":"A."}""", "no \"id\"")]
    [InlineData("""{"id":"2501.00002","abstract":"A."}""", "2501.00002: no \"title\"")]
    [InlineData("""{"id":"2501.00002","title":"  \n ","abstract":"A."}""", "2501.00002: no \"title\"")]
    [InlineData("""{"id":"2501.00002","title":"T"}""", "2501.00002: no \"abstract\"")]
    [InlineData("""{"id":"2501.00002","title":"T","abstract":null}""", "2501.00002: no \"abstract\"")]
    [InlineData("""{"id":"2501.00002","title":"T","abstract":""}""", "2501.00002: no \"abstract\"")]
    [InlineData("""{"id":"not-an-id","title":"T","abstract":"A."}""", "\"id\" is not an arXiv identifier: \"not-an-id\"")]
    [InlineData("""{"id":"2513.00002","title":"T","abstract":"A."}""", "\"id\" is not an arXiv identifier")]
    [InlineData("""{"id":2501.00002,"title":"T","abstract":"A."}""", "\"id\" is a number, not a string")]
    [InlineData("""{"id":"2501.00002","title":["T"],"abstract":"A."}""", "\"title\" is an array, not a string")]
    [InlineData("""{"id":"2501.00002","title":"T","abstract":"A.","authors_parsed":"A. Author"}""", "\"authors_parsed\" is a string, not an array")]
    [InlineData("""{"id":"2501.00002","title":"T","abstract":"A.","authors_parsed":["A. Author"]}""", "\"authors_parsed\" holds a string")]
    [InlineData("""{"id":"2501.00002","title":"T","abstract":"A.","versions":{"version":"v1"}}""", "\"versions\" is an object, not an array")]
    public async Task Bad_line_is_rejected_with_its_line_number_and_reading_goes_on(string line, string reason)
    {
        List<SourceEntry> entries = await ReadAsync($"{Good}\n{line}\n{Good.Replace("00001", "00009", StringComparison.Ordinal)}\n");

        Assert.Equal(3, entries.Count);
        Assert.Equal("2501.00001", entries[0].Paper!.ArxivId);
        Assert.Null(entries[1].Paper);
        Assert.Equal(2, entries[1].Position.Line);
        Assert.Contains(reason, entries[1].Rejection, StringComparison.Ordinal);
        Assert.Equal("2501.00009", entries[2].Paper!.ArxivId);
    }

    [Fact]
    public async Task Malformed_json_rejection_says_where_in_the_line()
    {
        List<SourceEntry> entries = await ReadAsync($"{Good}\n{{\"id\":\"2501.00002\",\"title\":tru}}\n");

        Assert.Matches("^malformed JSON: .*BytePositionInLine: [0-9]+", entries[1].Rejection);
    }

    [Fact]
    public async Task Duplicate_ids_both_come_through_for_the_store_to_merge()
    {
        List<SourceEntry> entries = await ReadAsync($"{KaggleLine}\n{KaggleLine.Replace("\"v2\"", "\"v3\"", StringComparison.Ordinal)}\n");

        Assert.Equal(["0704.0001", "0704.0001"], entries.Select(entry => entry.Paper!.ArxivId));
        Assert.Equal([2, 3], entries.Select(entry => entry.Paper!.ArxivVersion!.Value));
    }

    [Fact]
    public async Task Abstract_of_5_MB_on_one_line_is_read_whole()
    {
        var sentence = "We study \\u00e9tale cohomology of $X$ with hard\\nwraps. ";
        var huge = string.Concat(Enumerable.Repeat(sentence, 5 * 1024 * 1024 / sentence.Length));
        var line = $$"""{"id":"2501.00002","title":"Huge","abstract":"{{huge}}"}""";

        List<SourceEntry> entries = await ReadAsync($"{Good}\n{line}\n{Good}\n");

        Assert.Equal(3, entries.Count);
        var text = entries[1].Paper!.Abstract;
        Assert.StartsWith("We study étale cohomology of $X$ with hard wraps. We study", text, StringComparison.Ordinal);
        Assert.Equal(huge.Length / sentence.Length * "We study étale cohomology of $X$ with hard wraps. ".Length - 1, text.Length);
        Assert.Equal("2501.00001", entries[2].Paper!.ArxivId);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public async Task Truncated_file_fails_naming_the_line_where_it_stops(double fraction)
    {
        var bytes = SampleFiles.Fixture(Sample);
        var length = (int)(bytes.Length * fraction);

        // Cut between characters (inside one, the file fails as not UTF-8 instead) and not after a line break.
        while ((bytes[length] & 0xC0) == 0x80 || bytes[length - 1] == '\n')
        {
            length--;
        }

        SourceFormatException e = await FailureAsync(bytes[..length]);

        long lineOfCut = bytes.AsSpan(0, length).Count((byte)'\n') + 1;
        Assert.Equal(lineOfCut, e.Position?.Line);
        Assert.StartsWith("truncated", e.Reason, StringComparison.Ordinal);
        Assert.Contains($"line {lineOfCut}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_line_without_a_line_break_is_fine_when_complete()
    {
        List<SourceEntry> entries = await ReadAsync($"{Good}\n{KaggleLine}");

        Assert.Equal(2, entries.Count);
        Assert.All(entries, entry => Assert.Null(entry.Rejection));
    }

    [Fact]
    public async Task Latin1_bytes_fail_as_not_utf8_naming_the_byte()
    {
        var text = $"{Good}\n{{\"id\":\"2501.00002\",\"title\":\"Caf\u00e9\",\"abstract\":\"A.\"}}\n";
        var bytes = Encoding.Latin1.GetBytes(text);

        SourceFormatException e = await FailureAsync(bytes);

        Assert.StartsWith("not UTF-8", e.Reason, StringComparison.Ordinal);
        Assert.Equal(text.IndexOf('\u00e9', StringComparison.Ordinal), e.Position?.ByteOffset);
    }

    [Fact]
    public async Task Latin1_bytes_deep_in_a_large_file_fail_too()
    {
        var lines = string.Concat(Enumerable.Repeat(KaggleLine + "\n", 200));
        byte[] bytes = [.. Encoding.UTF8.GetBytes(lines), .. Encoding.Latin1.GetBytes("{\"id\":\"2501.00002\",\"title\":\"Caf\u00e9\",\"abstract\":\"A.\"}\n")];

        SourceFormatException e = await FailureAsync(bytes);

        Assert.StartsWith("not UTF-8", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"id\":\"2501.00001\",\"title\":\"T\",\"abstract\":\"A.\"}]\n", "a JSON array")]
    [InlineData("<?xml version=\"1.0\"?>\n<feed/>\n", "not a JSON object")]
    [InlineData("Dec 8\n\nA title\n\nAn abstract.\n", "not a JSON object")]
    public async Task Other_formats_forced_as_snapshot_fail_on_their_first_line(string text, string reason)
    {
        SourceFormatException e = await SourceReading.FailureAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(text)), format: ArxivSnapshotParser.FormatName, reader: Reader);

        Assert.Equal(1, e.Position?.Line);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_of_rejected_lines_only_fails_as_having_no_papers()
    {
        List<SourceEntry> seen = [];
        var e = await Assert.ThrowsAsync<SourceFormatException>(async () =>
        {
            await foreach (SourceEntry entry in Reader.ReadAsync(
                new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"2501.00001\"}\n{\"title\":\"T\"}\n")),
                SourceReading.Context(),
                ArxivSnapshotParser.FormatName,
                TestContext.Current.CancellationToken))
            {
                seen.Add(entry);
            }
        });

        Assert.Equal("no papers found", e.Reason);
        Assert.Equal(2, seen.Count);
        Assert.All(seen, entry => Assert.NotNull(entry.Rejection));
    }
}
