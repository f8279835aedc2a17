using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PaperFeed.Core.Search;

/// <summary>
/// Makes plural acronyms singular before lower-casing: "LLMs" → "LLM", "GANs" → "GAN", "VLMs" → "VLM". Snowball
/// keeps the "s" of "llms" (it strips a plural "s" only after a vowel-bearing stem), and machine-learning titles
/// are full of such acronyms, so without this "LLM" and "LLMs" would never match.
/// </summary>
internal sealed class AcronymPluralFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public AcronymPluralFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (IsPluralAcronym(_term.Buffer, _term.Length))
        {
            _term.SetLength(_term.Length - 1);
        }

        return true;
    }

    // A capital first, at least two capitals in all (digits may be among them), then one lower-case "s": "LLMs", "T5Ss".
    private static bool IsPluralAcronym(char[] buffer, int length)
    {
        if (length < 3 || buffer[length - 1] != 's' || !char.IsAsciiLetterUpper(buffer[0]))
        {
            return false;
        }

        var capitals = 0;
        for (var i = 0; i < length - 1; i++)
        {
            if (char.IsAsciiLetterUpper(buffer[i]))
            {
                capitals++;
            }
            else if (!char.IsAsciiDigit(buffer[i]))
            {
                return false;
            }
        }

        return capitals >= 2;
    }
}
