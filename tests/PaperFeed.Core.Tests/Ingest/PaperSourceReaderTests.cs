using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.SourceReading;

namespace PaperFeed.Core.Tests.Ingest;

public class PaperSourceReaderTests
{
    [Fact]
    public void Default_reader_knows_the_daily_papers_page() =>
        Assert.Contains("daily-papers-page", PaperSourceReader.Default.Formats);

    [Fact]
    public void Formats_are_listed_in_priority_order() =>
        Assert.Equal(["lines", "daily-papers-page"], LinesFirst().Formats);

    [Fact]
    public void Two_parsers_for_one_format_are_refused() =>
        Assert.Throws<ArgumentException>(() => new PaperSourceReader([new LinesParser(), new LinesParser()]));

    [Fact]
    public async Task Format_is_recognised_from_the_text()
    {
        List<SourceEntry> entries = await ReadAllAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers002));

        Assert.Equal(51, entries.Count);
    }

    [Fact]
    public async Task First_parser_in_priority_order_that_recognises_the_text_wins()
    {
        List<SourceEntry> entries = await ReadAllAsync(new MemoryStream(Encoding.UTF8.GetBytes("LINES\nDaily Papers\n")), reader: LinesFirst());

        Assert.Equal("lines", entries[0].Paper!.Source);
    }

    [Fact]
    public async Task Parser_reads_the_text_from_its_first_line_including_the_head()
    {
        var text = "LINES\n" + string.Join('\n', Enumerable.Range(1, 5000).Select(i => $"paper {i}"));

        List<SourceEntry> entries = await ReadAllAsync(new TrickleStream(Encoding.UTF8.GetBytes(text), maxBytesPerRead: 3000), reader: LinesFirst());

        Assert.Equal(5001, entries.Count);
        Assert.Equal("LINES", entries[0].Paper!.Title);
        Assert.Equal("paper 5000", entries[^1].Paper!.Title);
    }

    [Fact]
    public async Task Forced_format_is_used_even_when_its_parser_does_not_recognise_the_text()
    {
        List<SourceEntry> entries = await ReadAllAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("no header here\nsecond\n")), format: "lines", reader: LinesFirst());

        Assert.Equal(["no header here", "second"], entries.Select(entry => entry.Paper!.Title));
    }

    [Fact]
    public async Task Forced_format_name_ignores_case() =>
        Assert.Equal(51, (await ReadAllAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers001), format: "Daily-Papers-Page")).Count);

    [Fact]
    public async Task Forced_format_that_does_not_fit_fails_in_its_parser()
    {
        SourceFormatException e = await FailureAsync("{\"papers\": []}", format: "daily-papers-page");

        Assert.Equal("no page date header (a line such as \"Dec 8\" before the first paper)", e.Reason);
    }

    private static string KnownFormats => string.Join(", ", PaperSourceReader.Default.Formats);

    [Fact]
    public async Task Forced_unknown_format_fails_listing_the_known_ones()
    {
        SourceFormatException e = await FailureAsync(SampleFiles.DailyPapers(SampleFiles.DailyPapers001), format: "arxiv-rss");

        Assert.Equal($"unknown format \"arxiv-rss\" (known: {KnownFormats})", e.Reason);
        Assert.Equal("test-source", e.SourceName);
        Assert.StartsWith("test-source: unknown format", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": \"2301.00001\", \"title\": \"A paper\"}\n")]
    [InlineData("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>")]
    [InlineData("Just some notes.\nNothing like a paper list here.\n")]
    public async Task Text_no_parser_recognises_fails_listing_the_known_formats(string text)
    {
        SourceFormatException e = await FailureAsync(text);

        Assert.Equal($"unrecognised format (known: {KnownFormats})", e.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\n\r\n\t  \n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF \n \u00A0\n")]
    public async Task Empty_or_whitespace_only_source_fails_as_empty(string text)
    {
        SourceFormatException e = await FailureAsync(text);

        Assert.Equal("empty file", e.Reason);
    }

    [Fact]
    public async Task Long_whitespace_only_source_fails_as_empty()
    {
        SourceFormatException e = await FailureAsync(new string(' ', 200_000) + "\n" + new string('\n', 100_000));

        Assert.Equal("empty file", e.Reason);
    }

    [Fact]
    public async Task Leading_blank_lines_longer_than_the_head_do_not_hide_the_format()
    {
        var page = SampleFiles.DailyPapers(SampleFiles.DailyPapers001);
        byte[] padded = [.. Encoding.UTF8.GetBytes(new string('\n', 20_000)), .. page];

        List<SourceEntry> entries = await ReadAllAsync(padded);

        Assert.Equal(51, entries.Count);
        Assert.Equal(20_011, entries[0].Position.Line);
    }

    [Fact]
    public async Task Random_bytes_fail_as_binary()
    {
        var bytes = new byte[10_000];
        new Random(7).NextBytes(bytes);

        SourceFormatException e = await FailureAsync(bytes);

        Assert.Equal("binary file, not text", e.Reason);
    }

    [Fact]
    public async Task Nul_bytes_fail_as_binary()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Dec 8\n\nA title\n\n"), 0, 0, 0, .. Encoding.UTF8.GetBytes("an abstract.")];

        SourceFormatException e = await FailureAsync(bytes);

        Assert.Equal("binary file, not text", e.Reason);
    }

    [Fact]
    public async Task Mostly_control_characters_fail_as_binary()
    {
        byte[] bytes = [.. Enumerable.Range(0, 4000).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a'))];

        SourceFormatException e = await FailureAsync(bytes);

        Assert.Equal("binary file, not text", e.Reason);
    }

    [Fact]
    public async Task Latin1_text_fails_as_not_UTF8_naming_the_byte()
    {
        var page = Encoding.UTF8.GetString(SampleFiles.DailyPapers(SampleFiles.DailyPapers001));
        var latin1 = Encoding.Latin1.GetBytes(page);
        var umlaut = Array.IndexOf(latin1, (byte)0xF6);

        SourceFormatException e = await FailureAsync(latin1);

        Assert.Equal($"not UTF-8 text (invalid byte sequence near byte {umlaut})", e.Reason);
        Assert.Equal(umlaut, e.Position?.ByteOffset);
    }

    [Fact]
    public async Task Invalid_UTF8_in_the_head_fails_before_parsing()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Dec 8\n\nCaf"), 0xE9, .. Encoding.UTF8.GetBytes(" title\n")];

        SourceFormatException e = await FailureAsync(bytes);

        Assert.Equal("not UTF-8 text (invalid byte sequence near byte 10)", e.Reason);
    }

    [Fact]
    public async Task Invalid_UTF8_far_past_the_head_fails_mid_stream_naming_the_byte()
    {
        var page = SampleFiles.DailyPapers(SampleFiles.DailyPapers003);
        byte[] broken = [.. page];
        var offset = 70_000;
        broken[offset] = 0xFF;

        var entries = new List<SourceEntry>();
        SourceFormatException e = await Assert.ThrowsAsync<SourceFormatException>(async () =>
        {
            await foreach (SourceEntry entry in PaperSourceReader.Default.ReadAsync(new TrickleStream(broken, 5000), Context(), cancellationToken: TestContext.Current.CancellationToken))
            {
                entries.Add(entry);
            }
        });

        Assert.Equal($"not UTF-8 text (invalid byte sequence near byte {offset})", e.Reason);
        Assert.InRange(entries.Count, 30, 47);
    }

    [Fact]
    public async Task UTF16_text_fails_saying_so()
    {
        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Dec 8\n\nA title\n\nAn abstract.")];

        SourceFormatException e = await FailureAsync(utf16);

        Assert.StartsWith("UTF-16 text", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UTF8_byte_order_mark_is_skipped()
    {
        var page = SampleFiles.DailyPapers(SampleFiles.DailyPapers001);

        List<SourceEntry> entries = await ReadAllAsync([.. Encoding.UTF8.GetPreamble(), .. page]);

        Assert.Equal(51, entries.Count);
        Assert.Equal(await ReadAllAsync(page), entries);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Gzipped_page_parses_like_the_plain_one(string sample)
    {
        var page = SampleFiles.DailyPapers(sample);

        List<SourceEntry> fromGzip = await ReadAllAsync(new TrickleStream(Gzip(page), maxBytesPerRead: 997));

        Assert.Equal(await ReadAllAsync(page), fromGzip);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(100)]
    [InlineData(5_000)]
    [InlineData(-9)]
    [InlineData(-8)]
    [InlineData(-4)]
    [InlineData(-1)]
    public async Task Truncated_gzip_fails_as_truncated_gzip(int length)
    {
        var gzip = Gzip(SampleFiles.DailyPapers(SampleFiles.DailyPapers003));
        var cut = gzip[..(length > 0 ? length : gzip.Length + length)];

        SourceFormatException e = await FailureAsync(new TrickleStream(cut, maxBytesPerRead: 4096));

        Assert.Equal("truncated gzip stream", e.Reason);
    }

    [Fact]
    public async Task Gzip_of_a_binary_file_fails_as_binary()
    {
        var random = new byte[5000];
        new Random(3).NextBytes(random);

        SourceFormatException e = await FailureAsync(Gzip(random));

        Assert.Equal("binary file, not text", e.Reason);
    }

    [Fact]
    public async Task Corrupt_gzip_fails_as_a_source_error()
    {
        var gzip = Gzip(SampleFiles.DailyPapers(SampleFiles.DailyPapers001));
        for (var i = 200; i < 260; i++)
        {
            gzip[i] ^= 0x5A;
        }

        SourceFormatException e = await FailureAsync(gzip);

        Assert.NotEmpty(e.Reason);
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (SourceEntry entry in PaperSourceReader.Default.ReadAsync(GeneratedPage(long.MaxValue), Context(), cancellationToken: cancellation.Token))
            {
                if (++read == 100)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(100, read);
    }

    [Fact]
    public async Task Stream_is_left_open_for_its_owner()
    {
        var stream = new MemoryStream(SampleFiles.DailyPapers(SampleFiles.DailyPapers001));

        await ReadAllAsync(stream);

        Assert.True(stream.CanRead);
    }

    public static TheoryData<string> Samples() => [.. SampleFiles.DailyPapersPages];

    private static PaperSourceReader LinesFirst() => new([new LinesParser(), new Core.Ingest.DailyPapers.DailyPapersPageParser()]);

    private static byte[] Gzip(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    /// <summary>A stand-in format: a first line "LINES", then one paper per line.</summary>
    private sealed class LinesParser : IPaperSourceParser
    {
        public string Format => "lines";

        public bool Recognizes(string head) => head.StartsWith("LINES\n", StringComparison.Ordinal);

        public async IAsyncEnumerable<SourceEntry> ParseAsync(TextReader reader, ParseContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            long number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                yield return SourceEntry.Accepted(new SourcePosition(Line: number), new PaperRecord { Title = line, Abstract = "", Source = Format });
            }
        }
    }
}
