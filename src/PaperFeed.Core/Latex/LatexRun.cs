namespace PaperFeed.Core.Latex;

/// <summary>How a run of text is set: combinable, as <c>\textbf{$x^2$}</c> is bold, math and superscript at once.</summary>
[Flags]
public enum LatexStyle
{
    None = 0,
    Math = 1,
    Bold = 2,
    Italic = 4,
    Monospace = 8,
    Superscript = 16,
    Subscript = 32,
}

/// <summary>A piece of text, already free of markup, and how it is set.</summary>
public sealed record LatexRun(string Text, LatexStyle Style);
