namespace PaperFeed.Embeddings;

/// <summary>The text of a paper that every embedding model sees: its title, then its abstract.</summary>
public static class PaperText
{
    public static string Of(string title, string? abstractText) =>
        string.IsNullOrWhiteSpace(abstractText) ? title : string.Concat(title, ".\n", abstractText);
}
