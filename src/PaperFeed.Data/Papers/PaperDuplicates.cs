namespace PaperFeed.Data.Papers;

/// <summary>
/// Two rows that are the same work reached by different routes (a preprint and its ACL version, a derived-title
/// abstract line and the real paper): same normalised title, or same abstract.
/// </summary>
public static class PaperDuplicates
{
    public static bool AreDuplicates(Paper a, Paper b) =>
        a.Id == b.Id
        || (!a.TitleIsDerived && !b.TitleIsDerived && NormalisedTitle(a) == NormalisedTitle(b))
        || string.Equals(a.Abstract.Trim(), b.Abstract.Trim(), StringComparison.Ordinal);

    // The title key is "normalised title | first author's surname" (PaperIdentity): the title part alone decides.
    private static string NormalisedTitle(Paper paper)
    {
        var separator = paper.TitleKey.IndexOf(" | ", StringComparison.Ordinal);
        return separator < 0 ? paper.TitleKey : paper.TitleKey[..separator];
    }
}
