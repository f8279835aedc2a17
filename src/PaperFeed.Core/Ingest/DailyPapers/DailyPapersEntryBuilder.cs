using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.DailyPapers;

/// <summary>One paper of the page while its lines arrive: title, abstract, then the optional metadata block.</summary>
internal sealed class DailyPapersEntryBuilder
{
    private DailyPapersEntryBuilder(long line, string? title, string? abstractText)
    {
        Line = line;
        Title = title;
        Abstract = abstractText;
    }

    /// <summary>Where the paper starts: its title's line, or its abstract's when the title is missing.</summary>
    public long Line { get; }

    public string? Title { get; }

    public string? Abstract { get; private set; }

    public int? AuthorCount { get; private set; }

    public PrintedDate? Date { get; private set; }

    public int? Upvotes { get; private set; }

    public bool HasMetadata => AuthorCount is not null || Date is not null;

    private string? Problem { get; set; }

    private string? DateText { get; set; }

    public static DailyPapersEntryBuilder Titled(long line, string title) => new(line, title, null);

    public static DailyPapersEntryBuilder Untitled(long line, string abstractText) => new(line, null, abstractText);

    public void SetAbstract(string abstractText) => Abstract = abstractText;

    public void AddAuthorCount(int count)
    {
        NoteRepeatedMetadata(AuthorCount is not null);
        AuthorCount = count;
    }

    public void AddDate(PrintedDate date, int? upvotes, string text)
    {
        NoteRepeatedMetadata(Date is not null);
        Date = date;
        DateText = text;
        Upvotes = upvotes ?? Upvotes;
    }

    public void AddUpvotes(int upvotes) => Upvotes ??= upvotes;

    public SourceEntry ToEntry(DateOnly pageDate)
    {
        var position = new SourcePosition(Line: Line);
        var title = TextNormalizer.Normalize(Title);
        var abstractText = TextNormalizer.Normalize(Abstract);
        if (title.Length == 0)
        {
            return SourceEntry.Rejected(position, "abstract without a title");
        }

        if (abstractText.Length == 0)
        {
            return SourceEntry.Rejected(position, $"title without an abstract: \"{title}\"");
        }

        if (Problem is not null)
        {
            return SourceEntry.Rejected(position, Problem);
        }

        if ((Date is { } printed ? printed.Resolve(pageDate) : pageDate) is not { } published)
        {
            return SourceEntry.Rejected(position, $"no such date: \"{DateText}\"");
        }

        return SourceEntry.Accepted(position, new PaperRecord
        {
            Title = title,
            Abstract = abstractText,
            AuthorCount = AuthorCount,
            PublishedAt = PaperDates.StartOf(published),
            DatePrecision = DatePrecision.Day,
            Upvotes = Upvotes,
            Source = DailyPapersPageParser.FormatName,
        });
    }

    // Two author counts or two dates for one title mean a title or an abstract in between went missing, and
    // the lines cannot be paired up with confidence.
    private void NoteRepeatedMetadata(bool repeated)
    {
        if (repeated)
        {
            Problem ??= "two metadata blocks for one paper (a title or an abstract is missing)";
        }
    }
}
