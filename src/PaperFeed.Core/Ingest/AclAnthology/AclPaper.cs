using System.Text.RegularExpressions;
using System.Xml.Linq;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.AclAnthology;

/// <summary>
/// One <c>&lt;paper&gt;</c> element and the volume it belongs to, turned into a record. The Anthology gives no
/// arXiv id (only titles, authors, abstract, Anthology id, DOI, pages), so records are matched by title.
/// </summary>
internal sealed partial class AclPaper
{
    private const string SiteUrl = "https://aclanthology.org/";

    // Longer notes are cut in rejection reasons, which should read as one line.
    private const int MaxNoteLength = 200;

    private readonly XElement _element;
    private readonly AclVolume _volume;
    private readonly string? _externalUrl;

    public AclPaper(XElement element, AclVolume volume, long line)
    {
        _element = element;
        _volume = volume;
        Line = line;

        // <url> holds the Anthology id (2023.acl-long.1, or 2023.acl-long.report where the number does not
        // fit); very old entries may hold a full URL instead. Without <url>, the id follows from the elements.
        var url = element.Element("url")?.Value.Trim();
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out Uri? absolute) && absolute.Scheme is "http" or "https")
        {
            _externalUrl = url;
        }
        else
        {
            AnthologyId = string.IsNullOrEmpty(url) ? volume.PaperId(element.Attribute("id")?.Value) : url;
        }
    }

    /// <summary>The line of the <c>&lt;paper&gt;</c> start tag.</summary>
    public long Line { get; }

    public string? AnthologyId { get; }

    public SourceEntry ToEntry()
    {
        var position = new SourcePosition(Line: Line);
        if (AnthologyId is null && _externalUrl is null)
        {
            return SourceEntry.Rejected(position, $"paper \"{_element.Attribute("id")?.Value}\" has no <url> with its Anthology id");
        }

        if (AnthologyId is not null && !AnthologyIdShape().IsMatch(AnthologyId))
        {
            return SourceEntry.Rejected(position, $"not an Anthology id: \"{Shorten(AnthologyId)}\"");
        }

        var label = AnthologyId ?? _externalUrl;
        var title = AclMarkup.PlainText(_element.Element("title"));
        if (title.Length == 0)
        {
            return SourceEntry.Rejected(position, $"no title ({label})");
        }

        // A retracted paper stays listed on the Anthology with a notice; a digest must not recommend it.
        if (_element.Element("retracted") is { } retraction)
        {
            return SourceEntry.Rejected(position, $"retracted ({label}): {Shorten(AclMarkup.PlainText(retraction))}");
        }

        // About one Anthology paper in 18 has no abstract (invited talks, some workshop papers). Such a record
        // is rejected like a title without an abstract on the daily-papers page: search, ranking and digests
        // read abstracts, and a title alone would be an empty card. Rejecting keeps each one counted and
        // visible in rejected_records. Placeholder abstracts ("Please find the attached PDF file") are what
        // the Anthology publishes, and are kept.
        var abstractText = AclMarkup.PlainText(_element.Element("abstract"));
        if (abstractText.Length == 0)
        {
            return SourceEntry.Rejected(position, $"no abstract ({label} \"{Shorten(title)}\")");
        }

        return SourceEntry.Accepted(position, new PaperRecord
        {
            Title = title,
            Abstract = abstractText,
            Authors = Authors(),
            PublishedAt = _volume.PublishedAt,
            DatePrecision = _volume.DatePrecision,
            Categories = _volume.Categories,
            Url = AnthologyId is null ? _externalUrl : SiteUrl + AnthologyId,
            PdfUrl = AnthologyId is null ? null : $"{SiteUrl}{AnthologyId}.pdf",
            Source = AclAnthologyXmlParser.FormatName,
        });
    }

    // "First Last"; a few authors have only a last name (<first/> or no <first>). <variant> holds the name in
    // another script and is not read.
    private List<string> Authors() =>
    [
        .. _element.Elements("author")
            .Select(author => TextNormalizer.Normalize($"{AclMarkup.PlainText(author.Element("first"))} {AclMarkup.PlainText(author.Element("last"))}"))
            .Where(name => name.Length > 0),
    ];

    private static string Shorten(string text) => text.Length <= MaxNoteLength ? text : text[..MaxNoteLength] + "…";

    // Letters, digits, dots and hyphens: 2023.acl-long.1, 2023.acl-long.report, P19-1001.
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnthologyIdShape();
}
