namespace PaperFeed.Core.Ingest;

/// <summary>
/// arXiv categories as <see cref="Papers.PaperRecord.Categories"/> holds them: in the source's order, which puts
/// the primary category first, each once, blanks dropped.
/// </summary>
internal static class ArxivCategories
{
    /// <summary>A space-separated list, as the snapshot and OAI-PMH write it: "cs.CV cs.AI cs.CV".</summary>
    public static List<string> Split(string? categories) =>
        Distinct(categories?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? []);

    /// <summary>One category per element, as the Atom and RSS feeds give them, the primary (if named apart) first.</summary>
    public static List<string> Distinct(IEnumerable<string?> categories) =>
        [.. categories.Select(category => category?.Trim()).OfType<string>().Where(category => category.Length > 0).Distinct(StringComparer.Ordinal)];
}
