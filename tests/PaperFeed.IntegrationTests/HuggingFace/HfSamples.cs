using System.Text.Json;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.HuggingFace;

/// <summary>
/// The real huggingface.co responses (tests/PaperFeed.Core.Tests/Fixtures/hf-papers-json, provenance in
/// /work/shared/formats/README.md) and the fields of theirs PaperFeed leaves out, as docs/huggingface-compatibility.md lists them.
/// </summary>
public static class HfSamples
{
    public static readonly string Directory = IngestAssertions.FixturesOf("hf-papers-json");

    public static readonly string DailyPapers = Path.Combine(Directory, "hf-daily-papers.json");
    public static readonly string Paper = Path.Combine(Directory, "hf-paper.json");
    public static readonly string Search = Path.Combine(Directory, "hf-papers-search.json");
    public static readonly string DailyPaperItem = Path.Combine(Directory, "hf-daily-paper-item.json");

    public static readonly string[] All = [DailyPapers, Paper, Search, DailyPaperItem];

    /// <summary>Optional fields of a Paper object PaperFeed has no data for, and author links to Hub accounts.</summary>
    private static readonly string[] UnsupportedPaperFields =
    [
        "organization", "mediaUrls", "projectPage", "githubRepo", "githubRepoAddedBy", "githubStars",
        "ai_summary", "ai_keywords", "ai_summary_model", "withdrawnAt",
        "authors[].user", "authors[].status", "authors[].statusLastChangedAt",
    ];

    /// <summary>A Paper object at the top level (<c>/api/papers/{id}</c>, or the paper sample on its own).</summary>
    public static JsonShape PaperShape(string prefix = "") => new()
    {
        Unsupported = UnsupportedPaperFields.Select(field => prefix + field).ToHashSet(),
        // No Hub repositories link to PaperFeed's papers: the lists are always empty.
        MayBeEmpty = new[] { "linkedModels", "linkedDatasets", "linkedSpaces" }.Select(field => prefix + field).ToHashSet(),
    };

    /// <summary>
    /// A Daily Papers entry. huggingface.co leaves <c>followerCount</c> out for some submitters (3 of the 6 in the
    /// sample; seemingly those without followers); PaperFeed's placeholder always has it, as HF-PAPERS-API.md lists it.
    /// </summary>
    public static JsonShape DailyEntryShape { get; } = new()
    {
        Unsupported = UnsupportedPaperFields.Select(field => "paper." + field).Concat(["organization", "mediaUrls"]).ToHashSet(),
        AllowedExtras = new HashSet<string> { "submittedBy.followerCount" },
    };

    /// <summary>
    /// A search result. The sample's papers were never on a daily list; every paper PaperFeed lists is on the list
    /// of its publication day, so ours may say so.
    /// </summary>
    public static JsonShape SearchResultShape { get; } = new()
    {
        Unsupported = UnsupportedPaperFields.Select(field => "paper." + field).Concat(["organization", "mediaUrls"]).ToHashSet(),
        AllowedExtras = new HashSet<string> { "paper.submittedOnDailyAt", "paper.submittedOnDailyBy" },
    };

    public static JsonElement Read(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    /// <summary>Whitespace runs as one space: PaperFeed joins the hard line breaks of arXiv abstracts and titles.</summary>
    public static string Collapsed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
