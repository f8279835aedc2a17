using System.Collections.Frozen;

namespace PaperFeed.Core.Latex;

/// <summary>The Unicode characters of the LaTeX commands that stand for one symbol, and of accents.</summary>
internal static class LatexSymbols
{
    public static readonly FrozenDictionary<string, string> Commands = new Dictionary<string, string>
    {
        // Greek
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ϵ", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ",
        ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π", ["varpi"] = "ϖ", ["rho"] = "ρ",
        ["varrho"] = "ϱ", ["sigma"] = "σ", ["varsigma"] = "ς", ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "ϕ",
        ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω", ["Gamma"] = "Γ", ["Delta"] = "Δ",
        ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π", ["Sigma"] = "Σ", ["Upsilon"] = "Υ",
        ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
        // Operators and relations
        ["times"] = "×", ["pm"] = "±", ["mp"] = "∓", ["cdot"] = "·", ["div"] = "÷", ["ast"] = "∗", ["star"] = "⋆",
        ["circ"] = "∘", ["bullet"] = "•", ["oplus"] = "⊕", ["otimes"] = "⊗", ["odot"] = "⊙",
        ["sim"] = "∼", ["simeq"] = "≃", ["approx"] = "≈", ["cong"] = "≅", ["equiv"] = "≡", ["propto"] = "∝",
        ["neq"] = "≠", ["ne"] = "≠", ["leq"] = "≤", ["le"] = "≤", ["geq"] = "≥", ["ge"] = "≥", ["ll"] = "≪",
        ["gg"] = "≫", ["lesssim"] = "≲", ["gtrsim"] = "≳", ["prec"] = "≺", ["succ"] = "≻",
        ["in"] = "∈", ["notin"] = "∉", ["ni"] = "∋", ["subset"] = "⊂", ["subseteq"] = "⊆", ["supset"] = "⊃",
        ["supseteq"] = "⊇", ["cup"] = "∪", ["cap"] = "∩", ["setminus"] = "∖", ["emptyset"] = "∅", ["varnothing"] = "∅",
        ["forall"] = "∀", ["exists"] = "∃", ["neg"] = "¬", ["lnot"] = "¬", ["wedge"] = "∧", ["land"] = "∧",
        ["vee"] = "∨", ["lor"] = "∨", ["top"] = "⊤", ["bot"] = "⊥", ["perp"] = "⊥", ["parallel"] = "∥", ["mid"] = "∣",
        ["vdash"] = "⊢", ["models"] = "⊨",
        ["sum"] = "∑", ["prod"] = "∏", ["int"] = "∫", ["oint"] = "∮", ["partial"] = "∂", ["nabla"] = "∇",
        ["infty"] = "∞", ["aleph"] = "ℵ", ["hbar"] = "ℏ", ["ell"] = "ℓ", ["Re"] = "ℜ", ["Im"] = "ℑ", ["wp"] = "℘",
        ["angle"] = "∠", ["triangle"] = "△", ["square"] = "□", ["checkmark"] = "✓", ["dagger"] = "†", ["ddagger"] = "‡",
        ["deg"] = "°", ["degree"] = "°", ["prime"] = "′", ["S"] = "§", ["P"] = "¶", ["copyright"] = "©",
        // Arrows
        ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←", ["gets"] = "←", ["leftrightarrow"] = "↔",
        ["Rightarrow"] = "⇒", ["Leftarrow"] = "⇐", ["Leftrightarrow"] = "⇔", ["implies"] = "⟹", ["iff"] = "⟺",
        ["longrightarrow"] = "⟶", ["longleftarrow"] = "⟵", ["mapsto"] = "↦", ["uparrow"] = "↑", ["downarrow"] = "↓",
        ["Uparrow"] = "⇑", ["Downarrow"] = "⇓", ["nearrow"] = "↗", ["searrow"] = "↘", ["rightleftharpoons"] = "⇌",
        // Delimiters and dots
        ["langle"] = "⟨", ["rangle"] = "⟩", ["lceil"] = "⌈", ["rceil"] = "⌉", ["lfloor"] = "⌊", ["rfloor"] = "⌋",
        ["lbrace"] = "{", ["rbrace"] = "}", ["vert"] = "|", ["Vert"] = "‖", ["|"] = "‖", ["backslash"] = "\\",
        ["ldots"] = "…", ["dots"] = "…", ["cdots"] = "⋯", ["vdots"] = "⋮", ["ddots"] = "⋱", ["textellipsis"] = "…",
        // Text-mode symbols and escapes
        ["%"] = "%", ["&"] = "&", ["#"] = "#", ["_"] = "_", ["$"] = "$", ["{"] = "{", ["}"] = "}",
        ["textbackslash"] = "\\", ["textasciitilde"] = "~", ["textasciicircum"] = "^", ["textbar"] = "|",
        ["textless"] = "<", ["textgreater"] = ">", ["textendash"] = "–", ["textemdash"] = "—", ["textdegree"] = "°",
        ["textregistered"] = "®", ["texttrademark"] = "™", ["textbullet"] = "•", ["textquotedbl"] = "\"",
        ["ss"] = "ß", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ", ["o"] = "ø", ["O"] = "Ø", ["aa"] = "å",
        ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ",
        // Spacing: thin and wide spaces read as one space
        [","] = " ", [";"] = " ", [":"] = " ", [" "] = " ", ["quad"] = " ", ["qquad"] = " ", ["enspace"] = " ",
        ["thinspace"] = " ", ["!"] = "", ["\\"] = " ", ["newline"] = " ", ["par"] = " ", ["noindent"] = "",
        ["/"] = "", ["-"] = "",
        // Named operators read as their names
        ["log"] = "log", ["ln"] = "ln", ["exp"] = "exp", ["min"] = "min", ["max"] = "max", ["arg"] = "arg",
        ["argmin"] = "argmin", ["argmax"] = "argmax", ["sup"] = "sup", ["inf"] = "inf", ["lim"] = "lim",
        ["sin"] = "sin", ["cos"] = "cos", ["tan"] = "tan", ["det"] = "det", ["dim"] = "dim", ["ker"] = "ker",
        ["Pr"] = "Pr", ["gcd"] = "gcd", ["mod"] = "mod", ["bmod"] = "mod",
        // Common abbreviation macros authors leave in abstracts
        ["eg"] = "e.g.", ["ie"] = "i.e.", ["etal"] = "et al.", ["vs"] = "vs.", ["wrt"] = "w.r.t.", ["etc"] = "etc.",
        ["LaTeX"] = "LaTeX", ["TeX"] = "TeX",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Accent commands and the combining character each adds to the letter after it.</summary>
    public static readonly FrozenDictionary<string, char> Accents = new Dictionary<string, char>
    {
        ["'"] = '\u0301', ["`"] = '\u0300', ["^"] = '\u0302', ["\""] = '\u0308', ["~"] = '\u0303', ["="] = '\u0304',
        ["."] = '\u0307', ["u"] = '\u0306', ["v"] = '\u030C', ["H"] = '\u030B', ["c"] = '\u0327', ["k"] = '\u0328',
        ["r"] = '\u030A', ["d"] = '\u0323', ["b"] = '\u0331',
        ["acute"] = '\u0301', ["grave"] = '\u0300', ["hat"] = '\u0302', ["widehat"] = '\u0302', ["ddot"] = '\u0308',
        ["tilde"] = '\u0303', ["widetilde"] = '\u0303', ["bar"] = '\u0304', ["overline"] = '\u0305', ["dot"] = '\u0307',
        ["breve"] = '\u0306', ["check"] = '\u030C', ["vec"] = '\u20D7', ["underline"] = '\u0332',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Blackboard-bold capitals (<c>\mathbb{R}</c>): the ones with their own code point outside the math block.</summary>
    public static readonly FrozenDictionary<char, string> DoubleStruck = new Dictionary<char, string>
    {
        ['C'] = "ℂ", ['H'] = "ℍ", ['N'] = "ℕ", ['P'] = "ℙ", ['Q'] = "ℚ", ['R'] = "ℝ", ['Z'] = "ℤ", ['E'] = "𝔼", ['1'] = "𝟙",
    }.ToFrozenDictionary();

    private const string SuperscriptFrom = "0123456789+-=()abcdefghijklmnoprstuvwxyzTN*";
    private const string SuperscriptTo = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀᴺ*";
    private const string SubscriptFrom = "0123456789+-=()aeijkmnoprstuvx";
    private const string SubscriptTo = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₘₙₒₚᵣₛₜᵤᵥₓ";

    /// <summary>The text in Unicode superscript characters, or null when one of them has none.</summary>
    public static string? ToSuperscript(string text) => Map(text, SuperscriptFrom, SuperscriptTo);

    public static string? ToSubscript(string text) => Map(text, SubscriptFrom, SubscriptTo);

    private static string? Map(string text, string from, string to)
    {
        var mapped = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var at = from.IndexOf(text[i], StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            mapped[i] = to[at];
        }

        return new string(mapped);
    }
}
