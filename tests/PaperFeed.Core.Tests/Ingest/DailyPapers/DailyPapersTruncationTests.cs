using System.Text;
using PaperFeed.Core.Ingest;
using static PaperFeed.Core.Tests.Ingest.SourceReading;

namespace PaperFeed.Core.Tests.Ingest.DailyPapers;

/// <summary>
/// Copies of the sample pages cut short (as <c>head -c N</c> would) must fail as a whole, naming the line
/// where the text stops, rather than pass for a shorter page with a clipped last paper.
/// </summary>
public class DailyPapersTruncationTests
{
    public static TheoryData<string, int> HeadCuts => new()
    {
        { SampleFiles.DailyPapers001, 40000 },
        { SampleFiles.DailyPapers002, 40000 },
        { SampleFiles.DailyPapers003, 40000 },
        { SampleFiles.DailyPapers001, 20000 },
        { SampleFiles.DailyPapers002, 60000 },
        { SampleFiles.DailyPapers003, 70000 },
    };

    [Theory]
    [MemberData(nameof(HeadCuts))]
    public async Task Truncated_page_fails_naming_the_line(string sample, int length)
    {
        var bytes = SampleFiles.DailyPapers(sample);

        SourceFormatException e = await FailureAsync(bytes[..length]);

        long lineOfCut = bytes.AsSpan(0, length).Count((byte)'\n') + 1;
        Assert.Equal(lineOfCut, e.Position?.Line);
        Assert.StartsWith("truncated", e.Reason, StringComparison.Ordinal);
        Assert.Contains($"line {lineOfCut}", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Every paper of every sample, cut inside its title, between title and abstract, inside its abstract.</summary>
    public static TheoryData<string, string, int, long> CutsInEveryPaper()
    {
        var cuts = new TheoryData<string, string, int, long>();
        foreach (var sample in SampleFiles.DailyPapersPages)
        {
            List<(long Number, int Start, string Text)> lines = Lines(SampleFiles.DailyPapers(sample));
            for (var i = 0; i < lines.Count; i++)
            {
                (var number, var start, var text) = lines[i];
                if (text.Length <= 300)
                {
                    continue;
                }

                // An abstract; its title is the text line before it. The first paper is left out: cut there,
                // the page has no paper at all, which fails as "no papers found" instead.
                (var titleNumber, var titleStart, var title) = lines[i - 1];
                if (titleNumber == FirstTitleLine(lines))
                {
                    continue;
                }

                cuts.Add(sample, "inside the title", titleStart + MidWord(title), titleNumber);
                cuts.Add(sample, "after the title", titleStart + Encoding.UTF8.GetByteCount(title) + 1, titleNumber);
                cuts.Add(sample, "inside the abstract", start + MidWord(text), number);
            }
        }

        return cuts;
    }

    [Theory]
    [MemberData(nameof(CutsInEveryPaper))]
    public async Task Page_cut_inside_any_paper_fails_as_truncated(string sample, string where, int length, long expectedLine)
    {
        Assert.NotNull(where);
        SourceFormatException e = await FailureAsync(SampleFiles.DailyPapers(sample)[..length]);

        Assert.StartsWith("truncated", e.Reason, StringComparison.Ordinal);
        Assert.Equal(expectedLine, e.Position?.Line);
    }

    [Theory]
    [InlineData("  • 2 aut")] // inside the author count
    [InlineData("  • 2 authors\n")] // after it
    [InlineData("  • 2 authors\n·")] // after the separator
    [InlineData("  • 2 authors\n·\nAug 16, 20")] // inside the year
    [InlineData("  • 2 authors\n·\nAug 16,")]
    public async Task Page_cut_inside_the_last_metadata_block_fails_as_truncated(string keptOfBlock)
    {
        var page = Encoding.UTF8.GetString(SampleFiles.DailyPapers(SampleFiles.DailyPapers003));
        var block = page.LastIndexOf("  • 2 authors", StringComparison.Ordinal);
        var cut = page[..block] + keptOfBlock;

        SourceFormatException e = await FailureAsync(cut);

        Assert.StartsWith("truncated", e.Reason, StringComparison.Ordinal);
        Assert.Equal(cut.TrimEnd().Count(c => c == '\n') + 1, e.Position?.Line);
    }

    [Fact]
    public async Task Page_cut_before_the_metadata_of_its_last_paper_fails_though_the_abstract_looks_complete()
    {
        var page = Encoding.UTF8.GetString(SampleFiles.DailyPapers(SampleFiles.DailyPapers003));
        var cut = page[..page.IndexOf("  • 5 authors", StringComparison.Ordinal)];

        SourceFormatException e = await FailureAsync(cut);

        Assert.Contains("lacks the author count and date", e.Reason, StringComparison.Ordinal);
        Assert.Equal(23, e.Position?.Line);
    }

    [Fact]
    public async Task Page_cut_inside_a_multi_byte_character_fails_as_not_UTF8()
    {
        var bytes = SampleFiles.DailyPapers(SampleFiles.DailyPapers001);
        var umlaut = bytes.AsSpan().IndexOf("ö"u8);

        SourceFormatException e = await FailureAsync(bytes[..(umlaut + 1)]);

        Assert.StartsWith("not UTF-8 text (invalid byte sequence near byte", e.Reason, StringComparison.Ordinal);
        Assert.Equal(umlaut, e.Position?.ByteOffset);
    }

    [Fact]
    public async Task Page_cut_inside_a_bullet_fails_as_not_UTF8()
    {
        var bytes = SampleFiles.DailyPapers(SampleFiles.DailyPapers003);
        var lastBullet = bytes.AsSpan().LastIndexOf("•"u8);

        SourceFormatException e = await FailureAsync(bytes[..(lastBullet + 2)]);

        Assert.StartsWith("not UTF-8 text", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abstract_ending_mid_sentence_is_accepted_when_the_file_ends_with_a_line_break()
    {
        var bytes = SampleFiles.DailyPapers(SampleFiles.DailyPapers001);
        var page = Encoding.UTF8.GetString(bytes);
        var cut = page[..page.LastIndexOf(" future research.", StringComparison.Ordinal)];

        SourceFormatException e = await FailureAsync(cut);
        List<SourceEntry> entries = await ReadAllAsync(cut + "\n");

        Assert.StartsWith("truncated", e.Reason, StringComparison.Ordinal);
        Assert.Equal(51, entries.Count);
        Assert.EndsWith("and warrant", entries[^1].Paper!.Abstract, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Our code is at https://github.com/example/repo")]
    [InlineData("They said \"it works.\"")]
    [InlineData("Does it scale?")]
    [InlineData("It does (see the appendix.)")]
    public async Task Last_abstract_without_line_break_is_complete_when_it_ends_a_sentence_or_with_a_url(string ending)
    {
        var page = Encoding.UTF8.GetString(SampleFiles.DailyPapers(SampleFiles.DailyPapers001));
        var withEnding = page[..(page.LastIndexOf("Our analysis further", StringComparison.Ordinal))] + ending;

        List<SourceEntry> entries = await ReadAllAsync(withEnding);

        Assert.Equal(51, entries.Count);
        Assert.EndsWith(ending, entries[^1].Paper!.Abstract, StringComparison.Ordinal);
    }

    private static long FirstTitleLine(List<(long Number, int Start, string Text)> lines) =>
        lines[lines.FindIndex(line => line.Text.Length > 300) - 1].Number;

    // A cut between two letters in the middle of the text, so it cannot end a sentence or a URL by chance.
    private static int MidWord(string text)
    {
        var middle = text.Length / 2;
        while (!(char.IsAsciiLetterLower(text[middle - 1]) && char.IsAsciiLetterLower(text[middle])))
        {
            middle = middle + 1 < text.Length ? middle + 1 : 1;
        }

        return Encoding.UTF8.GetByteCount(text.AsSpan(0, middle));
    }

    // Non-blank lines with their numbers and byte offsets; the samples have LF line breaks.
    private static List<(long Number, int Start, string Text)> Lines(byte[] bytes)
    {
        var lines = new List<(long, int, string)>();
        var start = 0;
        long number = 1;
        while (start <= bytes.Length)
        {
            var end = bytes.AsSpan(start).IndexOf((byte)'\n');
            var length = end < 0 ? bytes.Length - start : end;
            var text = Encoding.UTF8.GetString(bytes, start, length);
            if (text.Trim().Length > 0)
            {
                lines.Add((number, start, text));
            }

            start += length + 1;
            number++;
        }

        return lines;
    }
}
