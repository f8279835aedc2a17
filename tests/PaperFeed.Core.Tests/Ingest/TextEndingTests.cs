using PaperFeed.Core.Ingest;

namespace PaperFeed.Core.Tests.Ingest;

public class TextEndingTests
{
    [Theory]
    [InlineData("We show that it works.")]
    [InlineData("Does it work?  ")]
    [InlineData("It works (see the appendix.)")]
    [InlineData("Code: https://github.com/x/y")]
    [InlineData("Code is at tiny.one/arxivedits")]
    public void Text_ending_a_sentence_or_with_a_link_looks_finished(string text) => Assert.True(TextEnding.LooksFinished(text));

    [Theory]
    [InlineData("We show that it")]
    [InlineData("as shown before (Zhou et al.")]
    [InlineData("for several tasks (e.g.")]
    [InlineData("a model with 1.1B")]
    [InlineData("")]
    public void Text_stopping_mid_sentence_does_not_look_finished(string text) => Assert.False(TextEnding.LooksFinished(text));
}
