using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperFeed.Core.Papers;

/// <summary>
/// An arXiv identifier without its version (<see cref="Id"/>) plus the version when one was given.
/// Both schemes of https://info.arxiv.org/help/arxiv_identifier.html are accepted: the new
/// <c>YYMM.NNNN</c> / <c>YYMM.NNNNN</c> (from April 2007) and the old <c>archive[.SC]/YYMMNNN</c> (1991 to March 2007).
/// </summary>
public readonly partial record struct ArxivId(string Id, int? Version)
{
    /// <summary>True for ids of the pre-2007 scheme, such as <c>hep-th/9901001</c>.</summary>
    public bool IsOldStyle => Id.Contains('/', StringComparison.Ordinal);

    public string AbsUrl => $"https://arxiv.org/abs/{Id}";

    public string PdfUrl => $"https://arxiv.org/pdf/{Id}";

    /// <summary>The id as arXiv prints it, with the version when known: <c>2301.00001v2</c>.</summary>
    public override string ToString() => Version is { } version ? $"{Id}v{version}" : Id;

    public static ArxivId Parse(string input) =>
        TryParse(input, out ArxivId id) ? id : throw new FormatException($"\"{input}\" is not an arXiv identifier.");

    /// <summary>
    /// Reads a bare id (<c>2301.00001v2</c>, <c>math.GT/0309136</c>) or one wrapped as arXiv writes it elsewhere:
    /// <c>arXiv:</c>, <c>oai:arXiv.org:</c>, or an arxiv.org <c>abs</c>, <c>pdf</c> or <c>html</c> URL.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? input, out ArxivId id)
    {
        id = default;
        if (input is null)
        {
            return false;
        }

        var candidate = WithoutWrapping(input.Trim());
        return TryParseNewStyle(candidate, out id) || TryParseOldStyle(candidate, out id);
    }

    private static string WithoutWrapping(string input)
    {
        Match url = ArxivUrlPrefix().Match(input);
        if (url.Success)
        {
            var path = input[url.Length..];
            var queryStart = path.IndexOfAny(['?', '#']);
            path = (queryStart >= 0 ? path[..queryStart] : path).TrimEnd('/');
            return path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? path[..^".pdf".Length] : path;
        }

        Match scheme = IdSchemePrefix().Match(input);
        return scheme.Success ? input[scheme.Length..].TrimStart() : input;
    }

    private static bool TryParseNewStyle(string candidate, out ArxivId id)
    {
        id = default;
        Match match = NewStyle().Match(candidate);
        if (!match.Success || !TryReadVersion(match, out var version))
        {
            return false;
        }

        var yearMonth = int.Parse(match.Groups["yymm"].ValueSpan, CultureInfo.InvariantCulture);
        var number = match.Groups["number"].Value;

        // The new scheme began with 0704; sequence numbers grew from four to five digits in January 2015.
        var expectedDigits = yearMonth <= 1412 ? 4 : 5;
        if (!IsMonth(yearMonth % 100) || yearMonth < 704 || number.Length != expectedDigits || IsAllZeros(number))
        {
            return false;
        }

        id = new ArxivId($"{match.Groups["yymm"].Value}.{number}", version);
        return true;
    }

    private static bool TryParseOldStyle(string candidate, out ArxivId id)
    {
        id = default;
        Match match = OldStyle().Match(candidate);
        if (!match.Success || !TryReadVersion(match, out var version))
        {
            return false;
        }

        var year = int.Parse(match.Groups["yy"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["mm"].ValueSpan, CultureInfo.InvariantCulture);
        if (!IsMonth(month) || !IsOldSchemeMonth(year, month) || IsAllZeros(match.Groups["number"].Value))
        {
            return false;
        }

        // arXiv writes the archive in lower case and the subject class in upper case: math.GT/0309136.
        var archive = match.Groups["archive"].Value.ToLowerInvariant();
        var subjectClass = match.Groups["class"].Success ? "." + match.Groups["class"].Value.ToUpperInvariant() : "";
        id = new ArxivId($"{archive}{subjectClass}/{match.Groups["yy"].Value}{match.Groups["mm"].Value}{match.Groups["number"].Value}", version);
        return true;
    }

    // The old scheme ran from August 1991 to March 2007.
    private static bool IsOldSchemeMonth(int year, int month) => year switch
    {
        91 => month >= 8,
        > 91 => true,
        < 7 => true,
        7 => month <= 3,
        _ => false,
    };

    private static bool TryReadVersion(Match match, out int? version)
    {
        version = null;
        Group group = match.Groups["version"];
        if (!group.Success)
        {
            return true;
        }

        if (int.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            version = value;
            return true;
        }

        return false;
    }

    private static bool IsMonth(int month) => month is >= 1 and <= 12;

    private static bool IsAllZeros(string digits) => digits.AsSpan().IndexOfAnyExcept('0') < 0;

    [GeneratedRegex(@"^(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivUrlPrefix();

    [GeneratedRegex(@"^(?:oai:arxiv\.org:|arxiv:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdSchemePrefix();

    [GeneratedRegex(@"^(?<yymm>[0-9]{4})\.(?<number>[0-9]{4,5})(?:[vV](?<version>[0-9]+))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex NewStyle();

    [GeneratedRegex(
        @"^(?<archive>[a-zA-Z]+(?:-[a-zA-Z]+)?)(?:\.(?<class>[a-zA-Z]{2}))?/(?<yy>[0-9]{2})(?<mm>[0-9]{2})(?<number>[0-9]{3})(?:[vV](?<version>[0-9]+))?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex OldStyle();
}
