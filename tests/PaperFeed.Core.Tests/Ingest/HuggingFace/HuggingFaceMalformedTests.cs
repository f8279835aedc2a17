using System.IO.Compression;
using System.Text;
using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.HuggingFace.HuggingFaceReading;

namespace PaperFeed.Core.Tests.Ingest.HuggingFace;

/// <summary>Responses that cannot be read at all fail as a whole, naming the position and the reason.</summary>
public class HuggingFaceMalformedTests
{
    public static TheoryData<string, int> Cuts()
    {
        var cuts = new TheoryData<string, int>();
        foreach (var sample in new[] { DailyPapersSample, SearchSample, PaperSample, DailyPaperItemSample })
        {
            var length = SampleFiles.Fixture(sample).TrimEnd("\n"u8).Length;
            for (var cut = 1; cut < length; cut += 1999)
            {
                cuts.Add(sample, cut);
            }

            cuts.Add(sample, length - 1);
        }

        return cuts;
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Truncated_response_fails_naming_the_line_where_it_stops(string sample, int length)
    {
        var bytes = SampleFiles.Fixture(sample)[..length];

        SourceFormatException e = await FailureAsync(bytes);

        Assert.StartsWith("invalid or truncated JSON", e.Reason, StringComparison.Ordinal);
        Assert.Equal(bytes.Count((byte)'\n') + 1, e.Position?.Line);
    }

    [Fact]
    public async Task Papers_before_a_cut_are_returned_before_the_failure()
    {
        var bytes = SampleFiles.Fixture(DailyPapersSample);
        var entries = new List<SourceEntry>();

        await Assert.ThrowsAsync<SourceFormatException>(async () =>
        {
            await foreach (SourceEntry entry in Reader.ReadAsync(
                new MemoryStream(bytes[..(bytes.Length - 100)]), SourceReading.Context(), cancellationToken: TestContext.Current.CancellationToken))
            {
                entries.Add(entry);
            }
        });

        Assert.Equal(5, entries.Count);
    }

    [Fact]
    public async Task Invalid_JSON_fails_naming_the_entry_path_and_byte()
    {
        var json = $"[{Item("2401.00001")},\n{Item("2401.00002").Replace("\"upvotes\":3", "\"upvotes\":3,,", StringComparison.Ordinal)}]";

        SourceFormatException e = await FailureAsync(json);

        Assert.Equal(2, e.Position?.Line);
        Assert.StartsWith("invalid or truncated JSON at $[1], byte ", e.Reason, StringComparison.Ordinal);
        Assert.EndsWith("of the line: ',' is an invalid start of a property name. Expected a '\"'.", e.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[] []")]
    [InlineData("[{\"paper\":{}}] x")]
    [InlineData("{\"id\":\"2401.00001\"} x")]
    [InlineData("[{\"paper\":{}},]")]
    public async Task Content_after_the_JSON_value_or_a_trailing_comma_fails(string json) =>
        Assert.StartsWith("invalid or truncated JSON", (await FailureAsync(json)).Reason, StringComparison.Ordinal);

    [Fact]
    public async Task API_error_body_fails_with_its_message()
    {
        SourceFormatException e = await FailureAsync("{\"error\":\"\u2716 Too big: expected number to be <=100\\n  \u2192 at limit\"}");

        Assert.Equal("the Hugging Face API answered with an error: \u2716 Too big: expected number to be <=100\n  \u2192 at limit", e.Reason);
    }

    [Fact]
    public async Task Empty_array_is_an_empty_result() => Assert.Empty(await ReadAllAsync("[]\n"));

    [Theory]
    [InlineData("Daily Papers\n")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    public async Task Forced_on_text_that_is_not_an_array_or_object_fails(string text) =>
        Assert.Equal("not a JSON array or object", (await FailureAsync(text)).Reason);

    [Fact]
    public async Task Latin1_bytes_in_the_head_fail_as_not_UTF8() =>
        Assert.StartsWith(
            "not UTF-8 text",
            (await FailureAsync(Encoding.Latin1.GetBytes($"[{Item(title: "Caf\u00e9")}]"))).Reason,
            StringComparison.Ordinal);

    [Fact]
    public async Task Latin1_bytes_past_the_head_fail_as_not_UTF8_naming_the_byte()
    {
        var items = Enumerable.Range(1, 40).Select(i => Item($"2401.{i:00000}")).Append(Item("2401.00041", title: "Caf\u00e9"));
        var bytes = Encoding.Latin1.GetBytes($"[{string.Join(',', items)}]");

        SourceFormatException e = await FailureAsync(bytes);

        Assert.StartsWith("not UTF-8 text", e.Reason, StringComparison.Ordinal);
        var offset = Array.IndexOf(bytes, (byte)0xE9);
        Assert.InRange(e.Position!.ByteOffset!.Value, offset - 4, offset + 4);
    }

    [Fact]
    public async Task Gzipped_response_is_read()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(SampleFiles.Fixture(SearchSample), TestContext.Current.CancellationToken);
        }

        Assert.Equal(9, (await ReadAllAsync(compressed.ToArray())).Count);
    }
}
