using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace PaperFeed.Core.Search;

/// <summary>
/// Turns text into the stems that lexical search indexes and matches: Unicode word boundaries (Lucene's
/// StandardTokenizer, UAX #29), plural acronyms made singular ("LLMs" → "LLM"), English possessives dropped,
/// lower case, diacritics folded ("Nyström" = "Nystrom"), Snowball's English stopwords removed, Snowball English
/// stemming ("running", "runs" → "run"). Papers and queries go through the same chain, so they meet on stems.
/// Stemming and stopwords were the largest gains measured on this corpus (docs: research relevance notes).
/// </summary>
/// <remarks>
/// Thread-safe: Lucene keeps one reusable token stream per thread. Stems are memoised per word: Lucene.Net's
/// Snowball stemmer costs about 2 µs a word, three times the rest of the chain, while a corpus repeats a few
/// hundred thousand distinct words. Changing the chain changes the stored index: bump <see cref="Version"/>, which
/// makes the indexer rebuild every paper's terms.
/// </remarks>
public static class SearchTextAnalyzer
{
    /// <summary>Identifies this chain in the index's signature; change it whenever the chain's output changes.</summary>
    public const string Version = "lucene48-std-acronym-possessive-lower-ascii-snowballstop-snowball-1";

    // Bounded so that a stream of junk words cannot grow it without end; words past the bound are stemmed each time.
    private const int MaxMemoisedWords = 400_000;

    private static readonly WordsChain Chain = new();
    private static readonly ConcurrentDictionary<string, Stem> Memo = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Stem>.AlternateLookup<ReadOnlySpan<char>> MemoBySpan =
        Memo.GetAlternateLookup<ReadOnlySpan<char>>();

    [ThreadStatic]
    private static EnglishStemmer? _stemmer;

    /// <summary>The text's stems in order, with each word's offsets in <paramref name="text"/>.</summary>
    public static List<AnalyzedToken> Analyze(string? text)
    {
        var tokens = new List<AnalyzedToken>();
        ForEachStem(text, (stem, start, end) => tokens.Add(new AnalyzedToken(stem.Text, start, end)));
        return tokens;
    }

    /// <summary>The text's stems in order (<see cref="Analyze"/> without offsets).</summary>
    public static List<string> Stems(string? text)
    {
        var stems = new List<string>();
        ForEachStem(text, (stem, _, _) => stems.Add(stem.Text));
        return stems;
    }

    /// <summary>The term ids (<see cref="SearchTermId"/>) of the text's stems, in order.</summary>
    public static List<int> TermIds(string? text)
    {
        var ids = new List<int>();
        ForEachStem(text, (stem, _, _) => ids.Add(stem.TermId));
        return ids;
    }

    private static void ForEachStem(string? text, Action<Stem, int, int> action)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        using var stream = Chain.GetTokenStream("text", new StringReader(WithPlainApostrophes(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            action(StemOf(term.Buffer.AsSpan(0, term.Length)), offset.StartOffset, offset.EndOffset);
        }

        stream.End();
    }

    private static Stem StemOf(ReadOnlySpan<char> word)
    {
        if (MemoBySpan.TryGetValue(word, out var known))
        {
            return known;
        }

        var stemmer = _stemmer ??= new EnglishStemmer();
        stemmer.SetCurrent(word.ToArray(), word.Length);
        stemmer.Stem();
        var text = stemmer.Current;
        var stem = new Stem(text, SearchTermId.For(text));
        if (Memo.Count < MaxMemoisedWords)
        {
            Memo.TryAdd(word.ToString(), stem);
        }

        return stem;
    }

    // The possessive filter and the stopword list know "'" but typography often writes "’" ("model’s", "don’t").
    // One character for one keeps every offset valid for the original text.
    private static string WithPlainApostrophes(string text) =>
        text.AsSpan().IndexOfAny('\u2019', '\u02BC') < 0 ? text : text.Replace('\u2019', '\'').Replace('\u02BC', '\'');

    private sealed record Stem(string Text, int TermId);

    /// <summary>The chain up to stemming, which <see cref="StemOf"/> does with Snowball's English stemmer.</summary>
    private sealed class WordsChain : Analyzer
    {
        private const LuceneVersion Lucene = LuceneVersion.LUCENE_48;

        // Snowball's English list (174 words: "which", "their", "does", "because", ...): questions and
        // descriptions typed in plain English lose their glue words, not their content.
        private static readonly CharArraySet Stopwords = WordlistLoader.GetSnowballWordSet(
            IOUtils.GetDecodingReader(typeof(SnowballFilter), "english_stop.txt", System.Text.Encoding.UTF8), Lucene);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Lucene, reader);
            TokenStream stream = new AcronymPluralFilter(tokenizer);
            stream = new EnglishPossessiveFilter(Lucene, stream);
            stream = new LowerCaseFilter(Lucene, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Lucene, stream, Stopwords);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
