using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace PaperFeed.Core.Latex;

/// <summary>What each LaTeX command does to the text: a symbol, a style for its argument, a switch, or nothing.</summary>
internal static class LatexCommands
{
    private const LatexStyle Upright = ~(LatexStyle.Math | LatexStyle.Italic | LatexStyle.Bold | LatexStyle.Monospace);

    private static readonly FrozenDictionary<string, LatexStyle> StyledArgument = new Dictionary<string, LatexStyle>
    {
        ["textbf"] = LatexStyle.Bold, ["mathbf"] = LatexStyle.Bold, ["boldsymbol"] = LatexStyle.Bold,
        ["bm"] = LatexStyle.Bold, ["pmb"] = LatexStyle.Bold, ["mathbfit"] = LatexStyle.Bold,
        ["textit"] = LatexStyle.Italic, ["emph"] = LatexStyle.Italic, ["mathit"] = LatexStyle.Italic,
        ["textsl"] = LatexStyle.Italic,
        ["texttt"] = LatexStyle.Monospace, ["mathtt"] = LatexStyle.Monospace, ["code"] = LatexStyle.Monospace,
        ["textsuperscript"] = LatexStyle.Superscript, ["textsubscript"] = LatexStyle.Subscript,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Arguments shown as ordinary upright text (inside math, \text{...} leaves math).
    private static readonly FrozenSet<string> UprightArgument = new[]
    {
        "text", "textrm", "mathrm", "mathsf", "textsf", "textsc", "textnormal", "mbox", "hbox", "operatorname",
        "textup", "mathop", "mathcal", "mathscr", "mathfrak", "underline", "uline", "textmd", "mathnormal",
        "ensuremath", "smash", "phantom", "hphantom", "vphantom",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, LatexStyle> Switches = new Dictionary<string, LatexStyle>
    {
        ["bf"] = LatexStyle.Bold, ["bfseries"] = LatexStyle.Bold, ["it"] = LatexStyle.Italic,
        ["itshape"] = LatexStyle.Italic, ["em"] = LatexStyle.Italic, ["sl"] = LatexStyle.Italic,
        ["tt"] = LatexStyle.Monospace, ["ttfamily"] = LatexStyle.Monospace,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ResettingSwitches =
        new[] { "rm", "sf", "sc", "normalfont", "upshape", "mdseries", "rmfamily", "sffamily", "scshape" }.ToFrozenSet(StringComparer.Ordinal);

    // Layout and sizing that has no place in a line of text.
    private static readonly FrozenSet<string> Ignored = new[]
    {
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "middle",
        "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "limits", "nolimits", "tiny", "scriptsize",
        "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge", "centering", "hfill",
        "vfill", "protect", "relax", "nonumber", "notag", "item", "maketitle", "footnotemark", "xspace", "allowbreak",
        "linebreak", "nolinebreak", "noalign", "hline", "cr", "displaybreak",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Commands whose one argument is dropped with them (references, spacing, colour switches).
    private static readonly FrozenSet<string> DroppedWithArgument = new[]
    {
        "cite", "citep", "citet", "citealp", "citealt", "citeauthor", "citeyear", "ref", "eqref", "autoref",
        "cref", "Cref", "label", "vspace", "hspace", "includegraphics", "color", "bibliography", "bibliographystyle",
        "pagestyle", "thispagestyle", "setlength", "newcommand", "renewcommand", "kern", "raisebox",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Commands whose first argument is a setting and whose second is the text.
    private static readonly FrozenSet<string> SecondArgumentOnly =
        new[] { "textcolor", "colorbox", "href", "foreignlanguage", "resizebox", "scalebox" }.ToFrozenSet(StringComparer.Ordinal);

    public static LatexStyle Apply(LatexReader reader, string name, LatexStyle style)
    {
        if (LatexSymbols.Accents.TryGetValue(name, out var accent))
        {
            reader.EmitText(Accented(reader.ArgumentText(style), accent), style);
            return style;
        }

        if (LatexSymbols.Commands.TryGetValue(name, out var symbol))
        {
            reader.EmitText(symbol, style);
            return style;
        }

        if (StyledArgument.TryGetValue(name, out var added))
        {
            reader.Argument(style | added);
            return style;
        }

        if (UprightArgument.Contains(name))
        {
            reader.Argument(style & Upright);
            return style;
        }

        if (Switches.TryGetValue(name, out var switched))
        {
            return style | switched;
        }

        if (ResettingSwitches.Contains(name))
        {
            return style & ~(LatexStyle.Bold | LatexStyle.Italic | LatexStyle.Monospace);
        }

        if (Ignored.Contains(name))
        {
            if (name is "left" or "right" && reader.NextIs('.'))
            {
                reader.Skip(1); // \left. is an invisible delimiter
            }

            return style;
        }

        if (DroppedWithArgument.Contains(name))
        {
            reader.OptionalArgument();
            reader.RawArgument();
            return style;
        }

        if (SecondArgumentOnly.Contains(name))
        {
            reader.RawArgument();
            reader.Argument(style);
            return style;
        }

        return ApplyStructured(reader, name, style);
    }

    private static LatexStyle ApplyStructured(LatexReader reader, string name, LatexStyle style)
    {
        switch (name)
        {
            case "frac" or "dfrac" or "tfrac" or "cfrac" or "nicefrac" or "sfrac":
                var numerator = reader.ArgumentText(style);
                var denominator = reader.ArgumentText(style);
                reader.EmitText($"{Operand(numerator)}/{Operand(denominator)}", style);
                break;
            case "binom" or "tbinom" or "dbinom":
                var n = reader.ArgumentText(style);
                var k = reader.ArgumentText(style);
                reader.EmitText($"C({n}, {k})", style);
                break;
            case "sqrt":
                reader.OptionalArgument();
                reader.EmitText("√" + Operand(reader.ArgumentText(style)), style);
                break;
            case "url" or "nolinkurl" or "path":
                reader.EmitText(reader.RawArgument(), style | LatexStyle.Monospace);
                break;
            case "footnote" or "thanks":
                reader.EmitText(" (", style);
                reader.Argument(style);
                reader.EmitText(")", style);
                break;
            case "unicode":
                reader.EmitText(UnicodeArgument(reader.RawArgument()), style);
                break;
            case "mathbb" or "mathds" or "mathbbm":
                var letters = reader.ArgumentText(style);
                reader.EmitText(string.Concat(letters.Select(c => LatexSymbols.DoubleStruck.TryGetValue(c, out var s) ? s : c.ToString())), style);
                break;
            case "overset" or "stackrel":
                var over = reader.ArgumentText(style);
                reader.Argument(style);
                reader.EmitText(over, style | LatexStyle.Superscript);
                break;
            case "underset":
                var under = reader.ArgumentText(style);
                reader.Argument(style);
                reader.EmitText(under, style | LatexStyle.Subscript);
                break;
            case "not":
                var negated = reader.ArgumentText(style);
                reader.EmitText(negated.Length > 0 ? negated + "\u0338" : "", style);
                break;
            default:
                // An author's own macro (\method, \ours): its name is the best reading; an argument shows as text.
                if (!reader.NextIsGroup())
                {
                    reader.EmitText(name, style);
                }

                break;
        }

        return style;
    }

    private static string Accented(string text, char accent)
    {
        if (text.Length == 0)
        {
            return accent == '\u0303' ? "~" : "";
        }

        var accented = new StringBuilder();
        foreach (var c in text)
        {
            accented.Append(c == 'ı' ? 'i' : c); // \'{\i}: the dotless i only avoids a dot under the accent
            if (!char.IsWhiteSpace(c))
            {
                accented.Append(accent);
            }
        }

        return accented.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Operand(string text) => text.Length <= 1 || text.All(char.IsLetterOrDigit) ? text : $"({text})";

    private static string UnicodeArgument(string raw)
    {
        var hex = raw.StartsWith('x') || raw.StartsWith('X');
        var digits = hex ? raw[1..] : raw;
        return int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            && code is > 0x1F and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)
            ? char.ConvertFromUtf32(code)
            : "";
    }
}
