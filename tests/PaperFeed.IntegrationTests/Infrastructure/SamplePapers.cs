namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>Facts about the bundled sample (samples/daily-papers), counted by hand from the three pages.</summary>
public static class SamplePapers
{
    /// <summary>
    /// 51 + 51 + 48 papers on the three pages; "When Text Embedding Meets Large Language Model: A Comprehensive
    /// Survey" and "ULLME: ..." appear on both of the first two, so 148 distinct papers.
    /// </summary>
    public const int Distinct = 148;
}
