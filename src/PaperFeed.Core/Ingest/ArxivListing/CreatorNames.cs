using System.Text;

namespace PaperFeed.Core.Ingest.ArxivListing;

/// <summary>
/// Splits the dc:creator of a listing item into display names. arXiv's feed service writes each author as
/// "Forenames Surname", followed by its affiliations in parentheses, and joins them with ", "
/// (arXiv/arxiv-feed, feed/serializers/extensions.py): "A. Begun (JINR, Dubna), V. G. Bornyakov". Commas
/// inside the parentheses do not separate authors, and the affiliations are not part of the name.
/// </summary>
internal static class CreatorNames
{
    public static List<string> Split(string creators)
    {
        ArgumentNullException.ThrowIfNull(creators);

        var names = new List<string>();
        var name = new StringBuilder();
        var depth = 0;
        foreach (var c in creators)
        {
            switch (c)
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(depth - 1, 0);
                    break;
                case ',' when depth == 0:
                    Add(names, name);
                    break;
                default:
                    if (depth == 0)
                    {
                        name.Append(c);
                    }

                    break;
            }
        }

        Add(names, name);
        return names;
    }

    private static void Add(List<string> names, StringBuilder name)
    {
        var text = name.ToString().Trim();
        name.Clear();

        // A free-text list may end with ", and C. Last"; arXiv's own join never does, but a hand-made feed might.
        if (text.StartsWith("and ", StringComparison.Ordinal))
        {
            text = text[4..].TrimStart();
        }

        if (text.Length > 0)
        {
            names.Add(text);
        }
    }
}
