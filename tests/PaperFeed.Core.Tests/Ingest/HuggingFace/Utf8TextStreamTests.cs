using System.Text;
using PaperFeed.Core.Ingest.HuggingFace;

namespace PaperFeed.Core.Tests.Ingest.HuggingFace;

public class Utf8TextStreamTests
{
    [Fact]
    public async Task Text_comes_back_as_the_same_UTF8_bytes_even_with_pairs_split_across_chunks()
    {
        // 16K characters per chunk: an odd offset puts an emoji's surrogate pair across each chunk boundary.
        var text = "x" + string.Concat(Enumerable.Repeat("\U0001F600 \u00e9t\u00e9 ", 20_000));
        await using var stream = new Utf8TextStream(new StringReader(text));
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy, 1000, TestContext.Current.CancellationToken);

        Assert.Equal(Encoding.UTF8.GetBytes(text), copy.ToArray());
    }

    [Fact]
    public async Task Peek_skips_leading_whitespace_and_leaves_the_byte_unread()
    {
        await using var stream = new Utf8TextStream(new StringReader(" \r\n\t[1]"));

        Assert.Equal((byte)'[', await stream.PeekSignificantByteAsync(TestContext.Current.CancellationToken));
        Assert.Equal("[1]", await new StreamReader(stream).ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Peek_at_the_end_gives_null()
    {
        await using var stream = new Utf8TextStream(new StringReader("  \n"));

        Assert.Null(await stream.PeekSignificantByteAsync(TestContext.Current.CancellationToken));
    }
}
