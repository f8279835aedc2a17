using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.AbstractLines.AbstractLinesReading;

namespace PaperFeed.Core.Tests.Ingest.AbstractLines;

/// <summary>Real abstracts (Fixtures/abstract-lines) with the titles derived from them.</summary>
public class AbstractLinesSampleTests
{
    [Fact]
    public async Task Every_line_becomes_a_paper_with_a_derived_title()
    {
        List<SourceEntry> entries = await ReadAsync(SampleFiles.Fixture(Sample));

        Assert.Equal(16, entries.Count);
        Assert.Equal(Enumerable.Range(1, 16).Select(line => (long?)line), entries.Select(entry => entry.Position.Line));
        Assert.All(entries, entry =>
        {
            PaperRecord paper = entry.Paper!;
            Assert.Equal("abstract-lines", paper.Source);
            Assert.True(paper.TitleIsDerived);
            Assert.InRange(paper.Title.Length, 20, 200);
            Assert.False(paper.Abstract.StartsWith("Abstract", StringComparison.Ordinal));
            Assert.StartsWith(paper.Title.TrimEnd('…'), paper.Abstract, StringComparison.Ordinal);
            Assert.Null(paper.ArxivId);
            Assert.Null(paper.PublishedAt);
            Assert.Empty(paper.Authors);
        });
    }

    [Theory]
    [InlineData(1, "Non-autoregressive text-to-speech (NAR-TTS) models such as FastSpeech 2 and Glow-TTS can synthesize high-quality speech from the given text in parallel")]
    [InlineData(5, "Generative Large Language Models (LLMs) have achieved remarkable advancements in various NLP tasks")]
    [InlineData(6, "When large language models (LMs) are applied in zero- or few-shot settings to discriminative tasks such as multiple-choice questions, their attentiveness (i.e., probability mass) is spread across…")]
    [InlineData(7, "Large decoder-only language models (LMs) can be largely improved in terms of perplexity by retrieval (e.g., RETRO), but its impact on text generation quality and downstream task accuracy is unclear")]
    [InlineData(8, "The hypothesis that pretrained large language models (LLMs) necessitate only minimal supervision during the fine-tuning (SFT) stage (Zhou et al., 2024) has been substantiated by recent advancements…")]
    [InlineData(9, "The aim of this work is to explore the potential of pre-trained vision-language models, e.g. Vision Transformers (ViT), enhanced with advanced data augmentation strategies for the detection of…")]
    [InlineData(10, "Despite a large deaf and dumb population of 1.7 million, Bangla Sign Language (BdSL) remains a understudied domain")]
    [InlineData(11, "Points 2.1.4(b), 2.4.2(b) and 2.4.3(b) in Annex I of Implementing Regulation (EU) No. 402/2013 allow a simplified approach for the safety approval of computer vision systems for driverless trains, if…")]
    [InlineData(12, "Currently, the memory mechanism has been widely and successfully exploited in online text-to-image (T2I) generation systems ($e.g.$, DALL$\\cdot$E 3) for alleviating the growing tokenization burden…")]
    [InlineData(13, "$\\texttt{BIGBIRD-PEGASUS}$ model achieves $\\textit{state-of-the-art}$ on abstractive text summarization for long documents")]
    [InlineData(14, "We introduce M$^3$CAD, a novel benchmark designed to advance research in generic cooperative autonomous driving")]
    [InlineData(15, "Road crashes claim over 1.3 million lives annually worldwide and incur global economic losses exceeding \\$1.8 trillion")]
    [InlineData(16, "We evaluated 4 systems (ELIZA, GPT-4o, LLaMa-3.1-405B, and GPT-4.5) in two randomised, controlled, and pre-registered Turing tests on independent populations")]
    public async Task Title_is_the_first_sentence_or_its_start(int line, string title)
    {
        List<SourceEntry> entries = await ReadAsync(SampleFiles.Fixture(Sample));

        Assert.Equal(title, entries[line - 1].Paper!.Title);
    }
}
