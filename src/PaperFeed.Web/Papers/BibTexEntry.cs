using System.Globalization;
using System.Text;
using PaperFeed.Core.Latex;
using PaperFeed.Data.Papers;

namespace PaperFeed.Web.Papers;

/// <summary>
/// A BibTeX entry to cite a paper: <c>@misc</c> with arXiv's eprint fields when it has an arXiv id (the form arXiv's
/// own "Export BibTeX citation" gives), else <c>@article</c> with its URL. Title and authors keep their LaTeX, which
/// BibTeX understands; braces are balanced so that a stray one cannot break the entry.
/// </summary>
public static class BibTexEntry
{
    public static string For(Paper paper)
    {
        var dto = paper.ToDto();
        var year = paper.PublishedAt?.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture);
        var fields = new List<(string Name, string? Value)>
        {
            ("title", paper.Title),
            ("author", paper.Authors.Count > 0 ? string.Join(" and ", paper.Authors) : null),
            ("year", year),
        };
        if (paper.ArxivId is { } arxivId)
        {
            fields.Add(("eprint", arxivId));
            fields.Add(("archivePrefix", "arXiv"));
            fields.Add(("primaryClass", paper.Categories.FirstOrDefault()));
        }

        fields.Add(("url", dto.Url));
        var entry = new StringBuilder();
        entry.Append(paper.ArxivId is null ? "@article{" : "@misc{").Append(KeyOf(paper, year)).Append(",\n");
        foreach (var (name, value) in fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)))
        {
            entry.Append(CultureInfo.InvariantCulture, $"  {name} = {{{Balanced(value!)}}},\n");
        }

        return entry.Append('}').ToString();
    }

    // arXiv's style: first author's surname, year, first word of the title (letters and digits only).
    private static string KeyOf(Paper paper, string? year)
    {
        var surname = paper.Authors.FirstOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "paper";
        var word = LatexText.ToPlainText(paper.Title).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .FirstOrDefault(w => w.Length > 3) ?? "";
        var key = new string((surname + year + word).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        return key.Length > 0 ? key : paper.Id;
    }

    private static string Balanced(string value)
    {
        var text = new StringBuilder();
        var depth = 0;
        foreach (var c in value)
        {
            if (c == '}' && depth == 0)
            {
                continue;
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            text.Append(c);
        }

        return text.Append('}', depth).ToString();
    }
}
