using System.Globalization;

namespace PaperFeed.Core.Digests;

/// <summary>The digest's subject line and the short texts both parts share (byline, abstract snippet).</summary>
public static class DigestMailSubject
{
    private const int SnippetLength = 280;

    public static string For(DigestContent content)
    {
        var first = content.All.FirstOrDefault();
        var count = content.All.Count();
        var lead = $"PaperFeed {PeriodName(content.Frequency)}: ";
        var subject = first is null
            ? lead + "no new papers"
            : count == 1
                ? lead + first.Title
                : string.Create(CultureInfo.InvariantCulture, $"{lead}{first.Title} and {count - 1} more");
        // Paper titles come from outside: one line, no CR/LF, whatever they hold.
        return MailHeaderText.Clean(subject);
    }

    public static string PeriodName(DigestFrequency frequency) => frequency == DigestFrequency.Daily ? "daily" : "weekly";

    public static string Byline(DigestItem item)
    {
        var authors = item.Authors.Count switch
        {
            0 => "",
            <= 3 => string.Join(", ", item.Authors),
            _ => string.Join(", ", item.Authors.Take(3)) + " et al.",
        };
        var date = item.PublishedAt?.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var upvotes = item.Upvotes > 0 ? string.Create(CultureInfo.InvariantCulture, $"▲ {item.Upvotes}") : null;
        return string.Join(" · ", new[] { MailHeaderText.Clean(authors, 300), date, upvotes }.Where(s => !string.IsNullOrEmpty(s)));
    }

    /// <summary>The abstract's start, on one line, cut at a word.</summary>
    public static string Snippet(string text)
    {
        var line = MailHeaderText.Clean(text, int.MaxValue);
        if (line.Length <= SnippetLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', SnippetLength);
        return line[..(cut > SnippetLength / 2 ? cut : SnippetLength)] + " …";
    }
}
