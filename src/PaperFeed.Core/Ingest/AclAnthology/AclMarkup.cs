using System.Text;
using System.Xml.Linq;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Ingest.AclAnthology;

/// <summary>
/// The text of an Anthology title, abstract or name without its inline markup: <c>&lt;fixed-case&gt;</c> (letters
/// BibTeX must not lower-case), <c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;url&gt;</c>, <c>&lt;sup&gt;</c>,
/// <c>&lt;sub&gt;</c> keep just their text; <c>&lt;tex-math&gt;</c> becomes <c>$…$</c>, the LaTeX the UI renders.
/// </summary>
internal static class AclMarkup
{
    private const string MathElement = "tex-math";

    // Normalize decodes entities once more on top of the XML reader's decoding. That is what the Anthology's
    // few double-escaped ampersands need: the file's "R\&amp;amp;G" reads as "R\&amp;G" and ends as "R\&G",
    // the LaTeX its authors wrote. LaTeX in the text ("\textbf{...}", "\&", "$k$NN") is kept as written.
    public static string PlainText(XElement? element)
    {
        if (element is null)
        {
            return "";
        }

        var text = new StringBuilder();
        Append(element, text);
        return TextNormalizer.Normalize(text.ToString());
    }

    private static void Append(XElement element, StringBuilder text)
    {
        foreach (XNode node in element.Nodes())
        {
            switch (node)
            {
                case XText part: // CDATA too
                    text.Append(part.Value);
                    break;
                case XElement { Name.LocalName: MathElement } math:
                    text.Append('$').Append(math.Value.Trim()).Append('$');
                    break;
                case XElement inline:
                    Append(inline, text);
                    break;
            }
        }
    }
}
