using System.Text.RegularExpressions;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Search;

/// <summary>
/// What a search box's text asks for: its terms (ranked OR-matching), the phrases it quotes, the arXiv ids it names
/// and its normalised form (to recognise a paper's exact title). Parsing is pure; the store does the finding.
/// </summary>
public sealed partial class SearchQuery
{
    /// <summary>Longer input is cut: a query is a question or a title, not a document.</summary>
    public const int MaxChars = 2_000;

    private SearchQuery(string text, List<QueryTerm> terms, List<QueryPhrase> phrases, List<string> arxivIds, string titleKey)
    {
        Text = text;
        Terms = terms;
        Phrases = phrases;
        ArxivIds = arxivIds;
        TitleKey = titleKey;
    }

    public string Text { get; }

    /// <summary>The distinct analysed terms, in order of first appearance.</summary>
    public IReadOnlyList<QueryTerm> Terms { get; }

    /// <summary>Text between double quotes ("…" or “…”) that analyses to at least one term.</summary>
    public IReadOnlyList<QueryPhrase> Phrases { get; }

    /// <summary>arXiv ids named in the query, without version, as arXiv writes them (<c>2301.00001</c>, <c>hep-th/9901001</c>).</summary>
    public IReadOnlyList<string> ArxivIds { get; }

    /// <summary>The query as a title key (<see cref="TextNormalizer.NormalizeTitleKey"/>): compared with papers' titles.</summary>
    public string TitleKey { get; }

    public bool IsEmpty => Terms.Count == 0 && ArxivIds.Count == 0 && TitleKey.Length == 0;

    public static SearchQuery Parse(string? text)
    {
        text ??= "";
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars];
        }

        var phrases = new List<QueryPhrase>();
        foreach (Match match in QuotedPhrase().Matches(text))
        {
            var phrase = match.Groups["straight"].Success ? match.Groups["straight"].Value : match.Groups["curly"].Value;
            var ids = SearchTextAnalyzer.Stems(phrase).Select(SearchTermId.For).Distinct().ToArray();
            if (ids.Length > 0)
            {
                phrases.Add(new QueryPhrase(phrase.Trim(), ids));
            }
        }

        return new SearchQuery(text, TermsOf(text), phrases, ArxivIdsIn(text), TextNormalizer.NormalizeTitleKey(text));
    }

    private static List<QueryTerm> TermsOf(string text)
    {
        var terms = new List<QueryTerm>();
        var positions = new Dictionary<int, int>();
        foreach (var stem in SearchTextAnalyzer.Stems(text))
        {
            var id = SearchTermId.For(stem);
            if (positions.TryGetValue(id, out var at))
            {
                terms[at] = terms[at] with { Count = terms[at].Count + 1 };
            }
            else
            {
                positions[id] = terms.Count;
                terms.Add(new QueryTerm(id, stem, 1));
            }
        }

        return terms;
    }

    /// <summary>
    /// Words that read as arXiv ids in either scheme, with or without version or an <c>arXiv:</c> prefix or an
    /// arxiv.org URL; PaperFeed's own id form of old-style ids (<c>hep-th_9901001</c>) too.
    /// </summary>
    private static List<string> ArxivIdsIn(string text)
    {
        var ids = new List<string>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = word.Trim(WrappingPunctuation);
            if (ArxivId.TryParse(candidate, out var id)
                || (candidate.Contains('_', StringComparison.Ordinal) && ArxivId.TryParse(candidate.Replace('_', '/'), out id)))
            {
                if (!ids.Contains(id.Id))
                {
                    ids.Add(id.Id);
                }
            }
        }

        return ids;
    }

    private static readonly char[] WrappingPunctuation = ['(', ')', '[', ']', '{', '}', '<', '>', ',', ';', '"', '\'', '“', '”', '.', '!', '?'];

    [GeneratedRegex("\"(?<straight>[^\"]+)\"|“(?<curly>[^”]+)”", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPhrase();
}

/// <summary>A distinct query term: its id (<see cref="SearchTermId"/>), stem, and how often the query says it.</summary>
public readonly record struct QueryTerm(int Id, string Stem, int Count);

/// <summary>A quoted phrase and the ids of its distinct terms (a paper must contain them all to contain the phrase).</summary>
public sealed record QueryPhrase(string Text, IReadOnlyList<int> TermIds);
